using Modular.Contracts.Modules;

namespace Modular.Contracts.Mediation;

/// <summary>
/// The words of 法律援助法 第三十一条 for each <see cref="LegalAidMatter"/>, beside the enum both the publisher (mediation)
/// and the receiver (legal services) use, so the article's items are worded once.
/// </summary>
public static class LegalAidMatterLabels
{
    public static LocalizedText Label(LegalAidMatter matter) => matter switch
    {
        LegalAidMatter.StateCompensation => new("依法请求国家赔偿", "State compensation"),
        LegalAidMatter.SocialInsuranceOrAssistance => new("请求给予社会保险待遇或者社会救助", "Social insurance or assistance"),
        LegalAidMatter.SurvivorsPension => new("请求发给抚恤金", "Survivors' pension"),
        LegalAidMatter.Maintenance => new("请求给付赡养费、抚养费、扶养费", "Maintenance"),
        LegalAidMatter.LabourRelationOrWages => new("请求确认劳动关系或者支付劳动报酬", "Labour relation or wages"),
        LegalAidMatter.CivilCapacity => new("请求认定无民事行为能力或者限制民事行为能力", "Civil capacity"),
        LegalAidMatter.AccidentInjury => new("请求工伤、交通、食品药品安全、医疗事故人身损害赔偿", "Injury in a work, traffic, food/drug or medical accident"),
        LegalAidMatter.EnvironmentalDamage => new("请求环境污染、生态破坏损害赔偿", "Environmental damage"),
        _ => new("法律、法规、规章规定的其他情形", "Other statutory matter"),
    };
}
