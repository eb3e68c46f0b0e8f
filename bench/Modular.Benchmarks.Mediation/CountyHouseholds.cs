using System.Globalization;
using Modular.Kit.Documents;

namespace Modular.Benchmarks.Mediation;

/// <summary>What the household generator made for the county, counted for the report.</summary>
internal sealed class HouseholdCounts
{
    public int Households { get; set; }

    public int Members { get; set; }

    public int Phones { get; set; }

    public int SpecialGroupMembers { get; set; }

    public int Files { get; set; }

    public Dictionary<string, int> HouseholdsOf { get; } = [];

    public Dictionary<string, int> MembersOf { get; } = [];
}

/// <summary>
/// A rural township's household ledger (人口信息台帐, 分户建档), generated in the columns of the module's own import
/// (<c>HouseholdWorkbook</c>: one row per member, the household's columns repeated) and brought in through
/// <c>POST …/households/import</c>, so every row goes through the import's checks (GB 11643 ID numbers, one head per
/// household, an ID number once in the ledger), the 户号 and ID-number claims and the inline snapshots, as a township's
/// own Excel ledger would. Files are cut below the import's 5,000 rows.
/// </summary>
internal static class CountyHouseholds
{
    public static readonly IReadOnlyList<string> Columns =
        ["户号", "村", "组", "住址", "姓名", "与户主关系", "性别", "身份证号码", "年龄", "联系电话", "文化程度", "职业", "婚姻状况", "收入水平", "服务需求", "特殊群体", "备注"];

    private const int RowsPerFile = 4800;
    private static readonly string[] GroupNames = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组", "九组", "十组", "十一组", "十二组"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "龙", "安", "苏", "禄", "陇", "管", "余", "潘", "杜", "田", "熊"];
    private static readonly string[] MaleNames = ["德明", "国富", "建华", "志强", "光荣", "永福", "文军", "大勇", "正林", "开荣", "云飞", "仕龙", "家兴", "树林", "贵生", "兴才", "应祥", "朝富", "天华", "明亮"];
    private static readonly string[] FemaleNames = ["秀英", "桂芳", "玉兰", "金花", "小红", "春梅", "凤英", "海燕", "明珍", "秀珍", "世英", "丽萍", "红梅", "翠兰", "小燕", "美玲", "芳", "丽", "娟", "敏"];
    private static readonly string[] Occupations = ["务农", "务农", "务农", "外出务工", "外出务工", "个体经营", "学生", "村干部", "教师", "无"];
    private static readonly string[] Needs = ["", "", "", "", "", "", "法律咨询", "就业培训", "医疗救助", "助学帮扶"];

    /// <summary>Imports <paramref name="perTownship"/> households into each township, files one after the other.</summary>
    public static async Task<HouseholdCounts> ImportAsync(Uri host, string cookie, IReadOnlyList<string> slugs, SeedPlan plan, int perTownship, DateOnly today, int seed)
    {
        var counts = new HouseholdCounts();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = host, Timeout = TimeSpan.FromMinutes(5) };
        for (var t = 0; t < slugs.Count; t++)
        {
            var slug = slugs[t];
            var random = new Random(seed + t);
            var households = Township(random, CountySeed.TownshipName(t), plan.Villages[slug], perTownship, today, taken, counts);
            counts.HouseholdsOf[slug] = households.Count;
            counts.MembersOf[slug] = households.Sum(h => h.Count);
            var file = new List<IReadOnlyList<object?>>();
            foreach (var household in households)
            {
                if (file.Count + household.Count > RowsPerFile)
                {
                    await PostAsync(client, cookie, slug, file);
                    counts.Files++;
                    file.Clear();
                }

                file.AddRange(household);
            }

            if (file.Count > 0)
            {
                await PostAsync(client, cookie, slug, file);
                counts.Files++;
            }
        }

        return counts;
    }

    private static async Task PostAsync(HttpClient client, string cookie, string slug, List<IReadOnlyList<object?>> rows)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/t/{slug}/mediation/households/import");
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        request.Content = new MultipartFormDataContent { { new ByteArrayContent(Workbook.Write("人口信息台帐", Columns, rows)), "file", "households.xlsx" } };
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"household import of {slug}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
        }
    }

    /// <summary>One township's households, each a list of member rows (the head first).</summary>
    private static List<List<IReadOnlyList<object?>>> Township(
        Random random, string township, List<string> villages, int count, DateOnly today, HashSet<string> taken, HouseholdCounts counts)
    {
        var households = new List<List<IReadOnlyList<object?>>>(count);
        for (var n = 1; n <= count; n++)
        {
            var number = n.ToString("D4", CultureInfo.InvariantCulture);
            var village = villages[(int)(Math.Pow(random.NextDouble(), 1.3) * villages.Count)];
            var group = GroupNames[random.Next(3 + (village.Length % 6) + 3)];
            var address = $"{township}{village}{group}{random.Next(1, 120)}号";
            var surname = Surnames[random.Next(Surnames.Length)];
            var size = random.Next(100) switch { < 11 => 1, < 30 => 2, < 54 => 3, < 78 => 4, < 91 => 5, _ => 6 };
            var headAge = size == 1 ? random.Next(30, 88) : random.Next(28, 78);
            var headMale = random.Next(100) < 85;
            var rows = new List<IReadOnlyList<object?>>(size);
            void Add(string name, string relation, int age, bool male, bool phone, string? groups)
            {
                var idNumber = IdNumber(random, today, age, male, taken);
                if (phone)
                {
                    counts.Phones++;
                }

                if (groups is not null)
                {
                    counts.SpecialGroupMembers++;
                }

                var adult = age >= 18;
                rows.Add(
                [
                    number, village, group, address, name, relation, "", idNumber, "", phone ? $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}" : "",
                    Education(random, age), adult ? Occupations[random.Next(Occupations.Length)] : age >= 6 ? "学生" : "",
                    adult ? (relation is "Head" or "Spouse" ? (age > 70 && random.Next(3) == 0 ? "Widowed" : "Married") : random.Next(3) == 0 ? "Married" : "Unmarried") : "",
                    adult ? Income(random) : "None", Needs[random.Next(Needs.Length)], groups ?? "", "",
                ]);
                counts.Members++;
            }

            string Given(bool male) => (male ? MaleNames : FemaleNames)[random.Next(male ? MaleNames.Length : FemaleNames.Length)];
            var alone = size == 1 && headAge >= 65;
            Add(surname + Given(headMale), "Head", headAge, headMale, random.Next(100) < 80, alone ? "ElderlyLivingAlone" : Group(random, headAge));
            var left = size - 1;
            if (left > 0 && random.Next(100) < 85)
            {
                Add(Surnames[random.Next(Surnames.Length)] + Given(!headMale), "Spouse", Math.Clamp(headAge + random.Next(-5, 6), 20, 90), !headMale, random.Next(100) < 45, Group(random, headAge));
                left--;
            }

            if (left > 0 && headAge < 60 && random.Next(100) < 30)
            {
                var male = random.Next(2) == 0;
                Add(surname + Given(male), "Parent", Math.Min(headAge + random.Next(22, 32), 99), male, false, headAge + 25 > 70 && random.Next(100) < 10 ? "Disabled" : null);
                left--;
            }

            for (var c = 0; c < left; c++)
            {
                var male = random.Next(2) == 0;
                var age = Math.Max(0, headAge - random.Next(20, 34));
                var grandchild = headAge >= 55 && random.Next(100) < 40;
                if (grandchild)
                {
                    age = Math.Max(0, headAge - random.Next(45, 60));
                }

                var leftBehind = age < 16 && random.Next(100) < 12;
                Add(surname + Given(male), grandchild ? "Grandchild" : "Child", age, male, age >= 18 && random.Next(100) < 30, leftBehind ? "LeftBehindChild" : Group(random, age));
            }

            households.Add(rows);
            counts.Households++;
        }

        return households;
    }

    private static string? Group(Random random, int age) => random.Next(1000) switch
    {
        < 25 => "Disabled",
        < 28 => "ReleasedPrisoner",
        < 32 => "MentalIllness",
        _ => null,
    } is { } g && (g != "ReleasedPrisoner" || age >= 18) ? g : null;

    private static string Education(Random random, int age) => age < 6 ? "Preschool" : age < 12 ? "Primary" : age < 15 ? "JuniorHigh" : random.Next(100) switch
    {
        < 8 => age > 50 ? "NoSchooling" : "Primary",
        < 38 => "Primary",
        < 75 => "JuniorHigh",
        < 90 => "SeniorHigh",
        < 97 => "JuniorCollege",
        _ => "Bachelor",
    };

    private static string Income(Random random) => random.Next(100) switch
    {
        < 15 => "None",
        < 30 => "Under5000",
        < 55 => "Under10000",
        < 85 => "Under30000",
        < 96 => "Under60000",
        _ => "From60000",
    };

    /// <summary>A resident ID number of the county (520527) for that age and sex, valid under GB 11643, never given twice.</summary>
    private static string IdNumber(Random random, DateOnly today, int age, bool male, HashSet<string> taken)
    {
        while (true)
        {
            var birth = today.AddYears(-age).AddDays(-random.Next(1, 365));
            var order = random.Next(0, 500) * 2 + (male ? 1 : 0);
            var body = string.Create(CultureInfo.InvariantCulture, $"520527{birth:yyyyMMdd}{order:D3}");
            var number = body + CountySeed.CheckDigit(body);
            if (taken.Add(number))
            {
                return number;
            }
        }
    }
}
