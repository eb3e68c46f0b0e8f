namespace Modular.Modules.LawStudy.Certificates;

/// <summary>
/// The enforcement categories (执法类别) a township's certificates name, as the county's 行政执法证 lists them for a
/// township government and the bureaus that entrust it. A certificate covers one or more; a task names one.
/// </summary>
internal static class CertificateVocabulary
{
    public static readonly IReadOnlyList<string> Categories =
    [
        "城乡规划", "市容环境卫生", "自然资源", "安全生产", "生态环境", "农业农村", "林业", "水利", "市场监管", "文化旅游", "综合行政执法",
    ];

    public static bool IsCategory(string value) => Categories.Contains(value, StringComparer.Ordinal);
}
