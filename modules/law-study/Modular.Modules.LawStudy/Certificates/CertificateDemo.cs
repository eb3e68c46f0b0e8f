using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Modules.LawStudy.Certificates.Steps;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>
/// The demo township's certificates (野马川镇, 2020): the planning office's and the comprehensive enforcement office's
/// officers (<see cref="StaffDemo.Offices"/>), reviewed in time; 谢飞's withheld in September (under investigation) and
/// 韩冬's run out at the end of May, unrenewed, for realism. Entered through the module's own steps; adds nothing once
/// any certificate exists.
/// </summary>
internal sealed class CertificateDemo(IQuerySession session, StaffRoster roster, IssueCertificate issue, CertificateStepContext steps, ITownshipContext township)
    : IDemoData
{
    public const string Suspended = "谢飞";
    public const string Expired = "韩冬";

    /// <summary>(name, number, categories, issued, expires (null: the township's validity), reviews).</summary>
    public static readonly IReadOnlyList<(string Name, string Number, string[] Categories, DateOnly Issued, DateOnly? Expires, DateOnly[] Reviews)> Certificates =
    [
        ("胡志强", "黔G0527190101", ["城乡规划", "自然资源"], new(2019, 4, 10), null, [new(2020, 4, 8)]),
        ("朱光辉", "黔G0527190102", ["城乡规划", "自然资源"], new(2019, 4, 10), null, [new(2020, 4, 8)]),
        ("高俊", "黔G0527190103", ["城乡规划"], new(2019, 4, 10), null, [new(2020, 4, 9)]),
        ("林海", "黔G0527190104", ["城乡规划"], new(2019, 4, 10), null, [new(2020, 4, 9)]),
        ("何军", "黔G0527180201", ["市容环境卫生", "城乡规划", "安全生产"], new(2018, 7, 1), null, [new(2019, 6, 28), new(2020, 6, 24)]),
        ("罗永红", "黔G0527180202", ["市容环境卫生", "城乡规划", "安全生产"], new(2018, 7, 1), null, [new(2019, 6, 28), new(2020, 6, 24)]),
        ("梁伟", "黔G0527180203", ["市容环境卫生", "安全生产"], new(2018, 7, 1), null, [new(2019, 6, 28), new(2020, 6, 24)]),
        ("宋平", "黔G0527180204", ["市容环境卫生", "安全生产"], new(2018, 7, 1), null, [new(2019, 6, 28), new(2020, 6, 24)]),
        (Suspended, "黔G0527180205", ["市容环境卫生"], new(2018, 7, 1), null, [new(2019, 6, 28), new(2020, 6, 24)]),
        (Expired, "黔G0527170206", ["市容环境卫生"], new(2017, 6, 1), new(2020, 5, 31), [new(2018, 5, 30), new(2019, 5, 28)]),
    ];

    public static readonly DateOnly SuspendedOn = new(2020, 9, 15);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Query<Certificate>().AnyAsync(cancellationToken))
        {
            return;
        }

        var people = (await roster.MembersAsync(new StaffFilter(EnforcementPost: true), cancellationToken)).ToDictionary(m => m.Name);
        var name = township.Required.Name;
        foreach (var (holder, number, categories, issued, expires, reviews) in Certificates)
        {
            if (!people.TryGetValue(holder, out var person))
            {
                continue;
            }

            var id = await issue.IssueAsync(new IssueCertificateInput
            {
                Number = number,
                HolderId = person.Id,
                Body = $"{name}人民政府",
                Categories = [.. categories],
                Area = name,
                IssuedOn = TownshipTime.Format(issued),
                ExpiresOn = expires is { } e ? TownshipTime.Format(e) : null,
            }, cancellationToken);
            var version = 1L;
            foreach (var review in reviews)
            {
                await steps.RunAsync(id, new CertificateStepInput { Version = version++, On = TownshipTime.Format(review) }, RecordReview.Decide, cancellationToken);
            }

            if (holder == Suspended)
            {
                await steps.RunAsync(id, new CertificateStepInput { Version = version, On = TownshipTime.Format(SuspendedOn), Reason = "涉嫌违规执法被投诉，调查期间暂扣" },
                    SuspendCertificate.Decide, cancellationToken);
            }
        }
    }
}
