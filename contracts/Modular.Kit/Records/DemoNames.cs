namespace Modular.Kit.Records;

/// <summary>
/// Names for the people in demo records (parties, petitioners, applicants, villagers), written the way Chinese official
/// documents write a private person whose name is withheld: a real surname followed by 某 or 某某, now and then with the
/// last character of the given name (张某某, 李某, 王某英). Staff on a roster are not private persons and keep full names
/// of their own. Deterministic: the same index always gives the same name, so a demo seeded twice reads the same.
/// </summary>
public static class DemoNames
{
    // The most frequent surnames of Guizhou's rural population, so a village's records read like one.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "罗",
        "龙", "何", "郭", "马", "谢", "邓", "宋", "韩", "唐", "冯", "潘", "余", "蒋", "肖", "袁", "卢",
    ];

    private static readonly string[] LastCharacters = ["英", "华", "芬", "强", "林", "富", "梅", "军", "兰", "明", "珍", "贵", "平", "忠", "芳", "松"];

    /// <summary>The number of different surnames the names use.</summary>
    public static int SurnameCount => Surnames.Length;

    /// <summary>The <paramref name="index"/>-th person's name: a surname, then 某某, 某, or 某 and one character.</summary>
    public static string Person(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var surname = Surnames[index % Surnames.Length];
        return ((index / Surnames.Length) % 3) switch
        {
            0 => surname + "某某",
            1 => surname + "某",
            _ => surname + "某" + LastCharacters[(index / (Surnames.Length * 3)) % LastCharacters.Length],
        };
    }

    /// <summary>The surname the <paramref name="index"/>-th person's name starts with (a household's members share it).</summary>
    public static string Surname(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Surnames[index % Surnames.Length];
    }

    /// <summary>The <paramref name="index"/>-th member of a family named <paramref name="surname"/>: 某某, 某, then 某 and one character each (no two alike up to 18).</summary>
    public static string OfFamily(string surname, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return index switch
        {
            0 => surname + "某某",
            1 => surname + "某",
            _ => surname + "某" + LastCharacters[(index - 2) % LastCharacters.Length],
        };
    }
}
