using Marten;
using Modular.Architecture.Tests.Unruly;
using Modular.Contracts.Mediation;
using Modular.Host.Storage;
using Mono.Cecil;

namespace Modular.Architecture.Tests;

/// <summary>
/// Each module rule fed the sample module of <see cref="Unruly"/>, which breaks it, and must name the offenders and
/// only them: the sample's well-behaved parts (its module class, its page, its first event) are its neighbours.
/// </summary>
public sealed class ModuleRulesCanFailTests
{
    private static readonly string Sample = typeof(UnrulyModule).Assembly.Location;

    [Fact]
    public void Event_types_without_an_alias_of_their_module_and_version_are_reported()
    {
        var options = SampleStore(TownshipDocuments.Apply);
        options.Events.MapEventType<MediationFailedInLegalAidMatter>("mediation.failed.v1");

        var violations = MartenRules.EventAliases(options, new Dictionary<System.Reflection.Assembly, string> { [typeof(UnrulyModule).Assembly] = "unruly" });

        Assert.Equal(
            [
                ("Modular.Architecture.Tests.Unruly.CaseClosed", "Unruly.CaseClosed"),
                ("Modular.Architecture.Tests.Unruly.CaseMoved", "mediation.case-moved.v1"),
                ("Modular.Architecture.Tests.Unruly.CaseNoted", "unruly.case_noted.v1"),
                ("Modular.Architecture.Tests.Unruly.CaseReopened", "case_reopened"),
                (typeof(MediationFailedInLegalAidMatter).FullName!, "mediation.failed.v1"),
            ],
            violations.Select(v => (v.Subject, v.Offender)).Order());
    }

    [Fact]
    public void A_store_without_the_host_policy_has_indexes_that_do_not_lead_with_the_tenant_id()
    {
        var violations = MartenRules.TenantFirstIndexes(SampleStore(o => o.Policies.AllDocumentsAreMultiTenanted()));

        Assert.Equal(
            ["mt_doc_unrulycase_idx_number", "mt_doc_unrulycase_idx_opened_on"],
            violations.Select(v => v.Offender.Split(' ')[0]).Order(StringComparer.Ordinal));
        Assert.All(violations, v => Assert.Equal("Modular.Architecture.Tests.Unruly.UnrulyCase", v.Subject));
    }

    [Fact]
    public void The_host_policy_leads_every_tenanted_index_with_the_tenant_id_and_a_single_tenanted_document_is_reported()
    {
        var violations = MartenRules.TenantFirstIndexes(SampleStore(TownshipDocuments.Apply));

        // SingleTenanted() in a module's own mapping comes after the policy has seen the document as conjoined: such a
        // document says [SingleTenanted] on its class instead, which the policy sees.
        var violation = Assert.Single(violations);
        Assert.Equal("Modular.Architecture.Tests.Unruly.UnrulySetting", violation.Subject);
        Assert.StartsWith("mt_doc_unrulysetting_idx_key (tenant_id", violation.Offender, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_with_no_event_or_no_index_to_check_is_reported_rather_than_passing()
    {
        // A store is built (and disposed) from its options once: each rule gets options of its own.
        static StoreOptions Empty()
        {
            var options = new StoreOptions();
            options.Connection(MartenRules.NoDatabase);
            TownshipDocuments.Apply(options);
            return options;
        }

        Assert.Equal("(no event type)", Assert.Single(MartenRules.EventAliases(Empty(), new Dictionary<System.Reflection.Assembly, string> { [typeof(UnrulyModule).Assembly] = "unruly" })).Offender);
        Assert.Equal("(no index)", Assert.Single(MartenRules.TenantFirstIndexes(Empty())).Offender);
    }

    [Fact]
    public void Module_code_reading_the_machine_clock_or_time_zones_is_reported()
    {
        var violations = ModuleCodeRules.ForbiddenCalls(Sample, InSample);

        Assert.Equal(
            [
                ("Modular.Architecture.Tests.Unruly.UnrulyClock", "System.DateTime.Today"),
                ("Modular.Architecture.Tests.Unruly.UnrulyClock", "System.DateTime.UtcNow"),
                ("Modular.Architecture.Tests.Unruly.UnrulyClock", "System.TimeZoneInfo.FindSystemTimeZoneById"),
                ("Modular.Architecture.Tests.Unruly.UnrulyLedger", "System.DateTime.Now"),
            ],
            violations.Select(v => (v.Subject.Split("::")[0], v.Offender)).Order());
    }

    [Fact]
    public void Module_code_counting_days_by_hand_is_reported_but_demo_data_and_a_mark_with_its_reason_are_not()
    {
        var violations = ModuleCodeRules.PlainDateArithmetic(Sample, InSample);

        Assert.Equal(
            [
                ("Modular.Architecture.Tests.Unruly.UnrulyClock::get_Later", "System.DateTime.AddDays"),
                ("Modular.Architecture.Tests.Unruly.UnrulyDeadlines::get_Review", "System.DateTime.AddMonths"),
                ("Modular.Architecture.Tests.Unruly.UnrulyDeadlines::Rebuilt", "System.DateOnly.FromDayNumber"),
                ("Modular.Architecture.Tests.Unruly.UnrulyDeadlines::RenewalAsync", "System.DateTimeOffset.AddYears"),
                ("Modular.Architecture.Tests.Unruly.UnrulyDeadlines::Target", "System.DateOnly.AddDays"),
                ("Modular.Architecture.Tests.Unruly.UnrulyDeadlines::Unexplained", "[NotADeadline] without a reason"),
            ],
            violations.Select(v => (v.Subject, v.Offender)).OrderBy(v => v.Subject, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_module_s_own_exception_type_is_reported()
    {
        var violation = Assert.Single(ModuleCodeRules.OwnExceptions(Sample, InSample));

        Assert.Equal(("Modular.Architecture.Tests.Unruly.UnrulyRefusal", "System.InvalidOperationException"), (violation.Subject, violation.Offender));
    }

    [Fact]
    public void A_public_type_other_than_the_module_class_or_a_component_is_reported()
    {
        var violation = Assert.Single(ModuleCodeRules.PublicTypes(Sample, InSample));

        Assert.Equal("Modular.Architecture.Tests.Unruly.UnrulyLedger", violation.Subject);
    }

    private static bool InSample(TypeDefinition type) => type.Namespace == typeof(UnrulyModule).Namespace;

    /// <summary>Options as the host sets them up (conjoined events), with only <paramref name="policy"/> and the sample module.</summary>
    private static StoreOptions SampleStore(Action<StoreOptions> policy)
    {
        var options = new StoreOptions();
        options.Connection(MartenRules.NoDatabase);
        options.DatabaseSchemaName = "modular";
        policy(options);
        options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        new UnrulyModule().ConfigureMarten(options);
        return options;
    }
}
