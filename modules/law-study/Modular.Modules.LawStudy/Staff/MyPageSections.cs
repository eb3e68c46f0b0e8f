namespace Modular.Modules.LawStudy.Staff;

/// <summary>
/// The sections of a person's own page (我的学法, <c>…/law-study/me</c>), in order. Each area adds its own: a component
/// with the parameters <c>Township</c> (string) and <c>MeValue</c> (the <see cref="StaffMember"/> signed in, typed object: a component parameter is public, the entry internal), one line here.
/// </summary>
internal static class MyPageSections
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(Pages.MyEntrySection),
        typeof(Study.Pages.MyStudySection),
        typeof(Exams.Pages.MyExamsSection),
        typeof(Certificates.Pages.MyCertificateSection),
    ];
}
