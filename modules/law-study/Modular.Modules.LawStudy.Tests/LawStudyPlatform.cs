using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests;

/// <summary>
/// A host with only this module installed, on its own database, shared by the tests of one collection. The demo is on,
/// as in <c>./run.sh</c>: the demo township 野马川镇 gets the module and its demo records; every test makes its own township.
/// </summary>
public sealed class LawStudyPlatform() : PlatformFactory(Plugins, demo: true)
{
    public const string Module = "law-study";
    public const string StudyClerk = "law-study.study-clerk";
    public const string ExamOrganiser = "law-study.exam-organiser";
    public const string EnforcementSupervisor = "law-study.enforcement-supervisor";
    public const string StaffMember = "law-study.staff-member";
    public const string Head = "law-study.head";

    public static string Plugins => TestPlugins.Set("law-study", "Modular.Modules.LawStudy");
}

[CollectionDefinition(Name)]
public sealed class LawStudyCollection : ICollectionFixture<LawStudyPlatform>
{
    public const string Name = "law-study platform";
}
