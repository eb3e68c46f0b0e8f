using System.Globalization;
using System.Text.Json;

namespace Modular.Benchmarks.Mediation;

/// <summary>One generated event, already in the shape Marten stores it.</summary>
internal sealed record SeedEvent(string Tenant, Guid StreamId, int Version, string Type, string DotnetType, byte[] Data, DateTimeOffset Timestamp, string UserName);

/// <summary>What a generator made, counted as the rebuilt records should show it.</summary>
internal class SeedPlan
{
    /// <summary>One generated stream: its events and the final state it was left in.</summary>
    public void Add(string tenant, List<SeedEvent> events, int state)
    {
        var states = States.TryGetValue(tenant, out var known) ? known : States[tenant] = [];
        states[state] = states.GetValueOrDefault(state) + 1;
        Streams.Add((tenant, events[0].StreamId, events.Count, events[0].Timestamp, events[^1].Timestamp));
        Events.AddRange(events);
    }

    /// <summary>Counts the event types and puts the events in the order things happened, across all townships, as the live system would have appended them.</summary>
    public void Finish()
    {
        foreach (var e in Events)
        {
            EventTypes[e.Type] = EventTypes.GetValueOrDefault(e.Type) + 1;
        }

        Events.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
    }

    public List<SeedEvent> Events { get; } = [];

    public List<(string Tenant, Guid Id, int Version, DateTimeOffset Created, DateTimeOffset Timestamp)> Streams { get; } = [];

    /// <summary>Per township and year, the last ledger number given (the yearly counters).</summary>
    public Dictionary<(string Tenant, int Year), int> Counters { get; } = [];

    /// <summary>Expected final state (the module's <c>DisputeState</c> number) per township.</summary>
    public Dictionary<string, Dictionary<int, int>> States { get; } = [];

    public Dictionary<string, int> EventTypes { get; } = [];

    public Dictionary<string, List<string>> Villages { get; } = [];

    public int IdNumbers { get; set; }
}

/// <summary>
/// A county's ten years of disputes (2016–2025), generated as the module's events (the same type names, .NET types and
/// JSON as the module writes: PascalCase, enums as numbers, dates as yyyy-MM-dd) and written straight into Marten's
/// tables with binary COPY. The snapshots are not written: the projection rebuild produces them.
/// </summary>
internal static class CountySeed
{
    public const string Assembly = "Modular.Modules.Mediation";
    public const string Namespace = "Modular.Modules.Mediation.Disputes.";
    private static readonly JsonSerializerOptions Json = new();
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>The event types the module maps (DisputesArea.ConfigureMarten), by class name.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypeNames = new Dictionary<string, string>
    {
        ["DisputeTakenIn"] = "mediation.dispute-taken-in.v1",
        ["MediationStarted"] = "mediation.dispute-mediation-started.v1",
        ["MediationRefused"] = "mediation.dispute-mediation-refused.v1",
        ["MediatorAssigned"] = "mediation.dispute-mediator-assigned.v1",
        ["MediationSessionHeld"] = "mediation.dispute-session-held.v1",
        ["DisputeRouted"] = "mediation.dispute-routed.v1",
        ["PoliceNotified"] = "mediation.dispute-police-notified.v1",
        ["AgreementDrafted"] = "mediation.dispute-agreement-drafted.v1",
        ["AgreementSigned"] = "mediation.dispute-agreement-signed.v1",
        ["OralAgreementReached"] = "mediation.dispute-oral-agreement-reached.v1",
        ["MediationFailed"] = "mediation.dispute-mediation-failed.v1",
        ["PerformanceChecked"] = "mediation.dispute-performance-checked.v1",
        ["CourtConfirmationApplied"] = "mediation.dispute-court-confirmation-applied.v1",
        ["FollowUpVisited"] = "mediation.dispute-follow-up-visited.v1",
        ["DisputeArchived"] = "mediation.dispute-archived.v1",
    };

    // The module's enums, by number (Marten stores enums as numbers): DisputeSource, EscalationRisk, PartyRole,
    // MediationBasis, PerformanceStatus, DisputeState.
    private const int Screening = 0, Liaison = 1, Visit = 2, Transfer = 3;
    private const int Applicant = 0, Respondent = 1;
    private const int Registered = 0, Accepted = 1, Mediating = 2, AgreementDraftedState = 3, Agreed = 4, Performed = 5, Failed = 6, Refused = 7, Routed = 8, Archived = 9;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "龙", "安", "苏", "禄", "陇", "管", "余", "潘", "杜", "田", "熊"];

    private static readonly string[] GivenNames = ["德明", "秀英", "国富", "建华", "桂芳", "志强", "玉兰", "光荣", "金花", "永福", "小红", "文军", "春梅", "大勇", "凤英", "正林", "海燕", "开荣", "云飞", "仕龙", "家兴", "明珍", "树林", "贵生", "兴才", "秀珍", "应祥", "朝富", "世英", "天华"];

    private static readonly string[] VillagePool =
    [
        "双河村", "团结村", "水塘村", "大地村", "营盘村", "丫口村", "红岩村", "新街村", "河坝村", "坪子村", "箐口村", "海子村", "松林村", "梨树村", "发达村", "联合村",
        "高山村", "干沟村", "新华村", "中寨村", "田坝村", "光明村", "兴隆村", "石门村", "龙井村", "鱼塘村", "马场村", "青山村", "铁厂村", "平安村", "红旗村", "街道社区",
    ];

    private static readonly string[] TownshipNames =
    [
        "野马川镇", "妈姑镇", "财神镇", "六曲河镇", "白果街道", "城关镇", "六盘水镇", "双坪乡", "铁匠乡", "辅处乡", "可乐乡", "河镇乡", "安乐溪乡", "松林坡乡", "雉街乡",
        "珠市乡", "罗州镇", "双河街道", "水塘堡乡", "兴发乡", "德卓镇", "古基镇", "哲庄镇", "平山镇", "结构乡", "古达乡", "威奢乡", "朱明镇", "金银山街道", "达依乡",
    ];

    private static readonly (string Code, int Weight, string[] Summaries, string Terms)[] Categories =
    [
        ("MarriageFamily", 22, ["子女对老人赡养费分担有争议", "夫妻因家庭琐事发生矛盾，女方回娘家不归", "兄弟分家析产发生争执", "离婚后子女抚养费支付发生纠纷"], "各方按约定每月5日前支付赡养（抚养）费，互相尊重，不再因此事争吵。"),
        ("Neighbours", 26, ["两户因宅基地排水沟走向发生争执", "邻里间因修建围墙采光发生矛盾", "因房前屋后通行道路发生争执", "邻居家犬只咬伤他人引发纠纷"], "被申请人于15日内完成整改，双方今后互谅互让、和睦相处。"),
        ("LandForest", 18, ["承包地界址不清引发争议", "山林权属界线发生争议", "土地流转租金支付发生纠纷", "坟地占用他人承包地引发矛盾"], "双方按二轮承包合同及村组见证重新确定界桩，不得再越界耕种。"),
        ("LabourWages", 9, ["建筑工地拖欠务工人员工资", "务工期间受伤，医疗费用承担有争议", "劳务报酬结算发生争议"], "用工方于30日内分两次付清拖欠的劳动报酬。"),
        ("Contracts", 8, ["农机租赁合同费用结算争议", "购买农资货款支付发生争议", "房屋建设承包合同质量争议"], "按实际完成量结算，申请人于10日内补付余款。"),
        ("Damages", 11, ["牲畜啃食庄稼损害赔偿", "交通事故人身损害赔偿争议", "施工放炮震裂房屋损害赔偿"], "被申请人一次性赔偿损失，当场付清，双方再无其他纠葛。"),
        ("Other", 6, ["村道占道堆放建材引发争执", "修建水池用水分配发生争议", "集体经济收益分配有异议"], "被申请人3日内清理，恢复原状，由村委会监督。"),
    ];

    private static readonly string[] Stations = ["派出所", "县公安局交警大队", "县人民法院", "县信访局", "县人力资源和社会保障局"];

    /// <summary>Generates the county; deterministic for a given seed.</summary>
    public static SeedPlan Generate(IReadOnlyList<string> slugs, int disputesPerTownship, int seed)
    {
        var plan = new SeedPlan();
        var random = new Random(seed);
        for (var t = 0; t < slugs.Count; t++)
        {
            var slug = slugs[t];
            var township = TownshipName(t);
            var villages = VillagePool.OrderBy(_ => random.Next()).Take(10 + random.Next(7)).ToList();
            plan.Villages[slug] = villages;
            var mediators = Enumerable.Range(0, 3 + random.Next(3)).Select(_ => Person(random)).Distinct().ToList();
            var users = Enumerable.Range(1, mediators.Count).Select(i => $"{slug}-mediator{i}").ToList();

            // Ten years, a few more disputes each year; then numbered per year in the order received.
            var received = Enumerable.Range(0, disputesPerTownship)
                .Select(_ => RandomDay(random))
                .Order()
                .ToList();
            var numbers = new Dictionary<int, int>();
            foreach (var on in received)
            {
                var n = numbers[on.Year] = numbers.GetValueOrDefault(on.Year) + 1;
                var events = Dispute(random, slug, township, on, $"{on.Year}-{n:D4}", villages, mediators, users, plan, out var state);
                plan.Add(slug, events, state);
            }

            foreach (var (year, last) in numbers)
            {
                plan.Counters[(slug, year)] = last;
            }
        }

        plan.Finish();
        return plan;
    }

    public static string TownshipName(int index) => TownshipNames[index % TownshipNames.Length] + (index >= TownshipNames.Length ? $"{index / TownshipNames.Length + 1}" : "");

    private static DateOnly RandomDay(Random random)
    {
        // Years weighted 10, 11, … 19: the centers record a little more each year.
        var weights = Enumerable.Range(0, 10).Select(i => 10 + i).ToArray();
        var pick = random.Next(weights.Sum());
        var year = 2016;
        foreach (var w in weights)
        {
            if (pick < w)
            {
                break;
            }

            pick -= w;
            year++;
        }

        return new DateOnly(year, 1, 1).AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
    }

    private static List<SeedEvent> Dispute(
        Random random, string slug, string township, DateOnly receivedOn, string number, List<string> villages, List<string> mediators, List<string> users,
        SeedPlan plan, out int state)
    {
        var id = Guid.CreateVersion7(new DateTimeOffset(receivedOn.ToDateTime(new TimeOnly(9, 0)), Shanghai));
        var category = Pick(random, Categories, c => c.Weight);
        var village = villages[(int)(Math.Pow(random.NextDouble(), 1.6) * villages.Count)]; // some villages busier than others
        var source = random.Next(100) switch { < 35 => Screening, < 55 => Liaison, < 90 => Visit, _ => Transfer };
        var mediatorIndex = random.Next(mediators.Count);
        var mediator = mediators[mediatorIndex];
        var user = users[mediatorIndex];
        var parties = new List<object>();
        var partyCount = random.Next(10) == 0 ? 3 : 2;
        for (var p = 0; p < partyCount; p++)
        {
            var organisation = p > 0 && category.Code is "LabourWages" or "Contracts" && random.Next(5) < 2;
            var withId = !organisation && random.Next(100) < 35;
            if (withId)
            {
                plan.IdNumbers++;
            }

            parties.Add(new
            {
                Name = organisation ? $"{township[..2]}{(category.Code == "LabourWages" ? "某建筑劳务有限公司" : "某农业开发有限公司")}" : Person(random),
                IsOrganisation = organisation,
                Role = p == 0 ? Applicant : Respondent,
                IdNumber = withId ? IdNumber(random, receivedOn) : null,
                Phone = random.Next(2) == 0 ? $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}" : null,
                Address = random.Next(100) < 40 ? $"{village}{random.Next(1, 12)}组" : null,
            });
        }

        var summary = category.Summaries[random.Next(category.Summaries.Length)];
        var risk = random.Next(100) switch { < 75 => 0, < 95 => 1, _ => 2 };
        var groups = random.Next(100) < 8 ? new[] { random.Next(5) } : [];
        var events = new List<(string Type, object Data, DateOnly On)>
        {
            ("DisputeTakenIn", new
            {
                Id = id, Number = number, Source = source, ReceivedOn = receivedOn, Category = category.Code, Village = village,
                Summary = $"{village}{summary}", Parties = parties, SpecialGroups = groups, Risk = risk, LeadId = (Guid?)null,
                TransferredFrom = source == Transfer ? $"{township[..2]}{Stations[random.Next(Stations.Length)]}" : null,
            }, receivedOn),
        };
        var day = receivedOn;
        DateOnly Next(int maxDays) => day = day.AddDays(random.Next(0, maxDays + 1));
        void Add(string type, object data) => events.Add((type, data, day));

        var recent = receivedOn > new DateOnly(2025, 11, 15);
        var outcome = recent && random.Next(100) < 60 ? "open" : random.Next(100) switch
        {
            < 40 => "written",
            < 72 => "oral",
            < 82 => "failed",
            < 97 => "routed",
            _ => "refused",
        };
        state = Registered;
        if (outcome == "refused")
        {
            Add("MediationRefused", new { On = Next(3), Party = "被申请人", Reason = "不同意由人民调解委员会调解，表示将直接向人民法院起诉。" });
            state = Refused;
        }
        else if (outcome == "routed")
        {
            if (random.Next(100) < 30)
            {
                Add("MediationStarted", new { On = Next(2), Basis = 1, AppliedBy = (string?)null });
            }

            Add("DisputeRouted", new { On = Next(5), To = category.Code == "LabourWages" ? "县劳动人事争议仲裁委员会" : "县人民法院诉调对接中心", Reason = "属其他部门法定职责范围，依法分流办理。" });
            state = Routed;
        }
        else
        {
            var application = random.Next(100) < 70;
            Add("MediationStarted", new { On = Next(2), Basis = application ? 0 : 1, AppliedBy = application ? "申请人" : null });
            state = Accepted;
            if (outcome != "open" || random.Next(100) < 70)
            {
                Add("MediatorAssigned", new { On = day, Mediator = mediator, ChosenByParties = random.Next(100) < 10 });
                var sessions = outcome == "open" ? random.Next(0, 2) : random.Next(100) switch { < 70 => 1, < 95 => 2, _ => 3 };
                for (var s = 0; s < sessions; s++)
                {
                    Add("MediationSessionHeld", new
                    {
                        On = Next(s == 0 ? 4 : 10),
                        Place = random.Next(3) == 0 ? $"{village}村民委员会" : $"{township}人民调解委员会调解室",
                        Participants = $"双方当事人、调解员{mediator}、村调解小组成员",
                        Record = "查明事实，双方陈述各自意见，调解员依据相关法律法规释法说理，引导双方互谅互让、协商解决。",
                    });
                    state = Mediating;
                }

                if (state == Mediating && risk == 2 && random.Next(100) < 40)
                {
                    Add("PoliceNotified", new { On = day, Station = $"{township[..2]}派出所", Risk = "双方情绪激动，存在肢体冲突的可能。" });
                }
            }

            if (outcome == "written")
            {
                Add("AgreementDrafted", new
                {
                    On = Next(3),
                    Facts = $"{summary}。经调查核实，事实清楚。",
                    Matters = summary,
                    Responsibilities = "双方对纠纷的发生均负有一定责任。",
                    Terms = category.Terms,
                    Performance = "按协议约定期限履行，调解委员会督促履行。",
                });
                Add("AgreementSigned", new { SignedOn = Next(3) });
                state = Agreed;
                if (random.Next(100) < 5)
                {
                    Add("CourtConfirmationApplied", new { On = Next(20), Court = "赫章县人民法院" });
                }

                if (random.Next(100) < 85)
                {
                    var status = random.Next(100) switch { < 90 => 0, < 97 => 1, _ => 2 };
                    Add("PerformanceChecked", new { On = Next(30), Status = status, Note = status == 0 ? "经督促，协议已履行完毕。" : "已督促履行，部分款项尚未支付。" });
                    state = status == 0 ? Performed : Agreed;
                    if (random.Next(100) < 35)
                    {
                        Add("FollowUpVisited", new { On = Next(30), Visitor = mediator, Note = "回访双方，协议履行到位，矛盾未反弹。" });
                    }

                    if (random.Next(100) < 70)
                    {
                        Add("DisputeArchived", new { On = Next(60), FileNumber = $"{township[..2]}调〔{receivedOn.Year}〕{number[5..]}号" });
                        state = Archived;
                    }
                }
            }
            else if (outcome == "oral")
            {
                Add("OralAgreementReached", new { On = day, Terms = category.Terms, Performance = "当场履行" });
                state = Agreed;
                if (random.Next(100) < 60)
                {
                    Add("PerformanceChecked", new { On = day, Status = 0, Note = "当场履行完毕。" });
                    state = Performed;
                }

                if (state == Performed && random.Next(100) < 50)
                {
                    Add("DisputeArchived", new { On = Next(60), FileNumber = $"{township[..2]}调〔{receivedOn.Year}〕{number[5..]}号" });
                    state = Archived;
                }
            }
            else if (outcome == "failed")
            {
                Add("MediationFailed", new
                {
                    On = Next(10),
                    Reason = "双方对赔偿数额分歧较大，经多次调解未能达成一致。",
                    RoutesExplained = "已告知当事人可依法申请仲裁、行政裁决或者向人民法院提起诉讼。",
                    LegalAidMatter = (int?)null,
                    ApplicantParty = (int?)null,
                });
                state = Failed;
            }

            if (outcome is "failed" && random.Next(100) < 60)
            {
                Add("DisputeArchived", new { On = Next(60), FileNumber = $"{township[..2]}调〔{receivedOn.Year}〕{number[5..]}号" });
                state = Archived;
            }
        }

        if (outcome is "refused" or "routed" && random.Next(100) < 50)
        {
            Add("DisputeArchived", new { On = Next(60), FileNumber = $"{township[..2]}调〔{receivedOn.Year}〕{number[5..]}号" });
            state = Archived;
        }

        var seedEvents = new List<SeedEvent>(events.Count);
        var clock = TimeSpan.FromHours(9) + TimeSpan.FromMinutes(random.Next(0, 480));
        for (var i = 0; i < events.Count; i++)
        {
            var (type, data, on) = events[i];
            // Recorded on the day of the step, in working hours; steps of the same day a few minutes apart.
            var at = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), Shanghai) + clock + TimeSpan.FromMinutes(7 * i);
            seedEvents.Add(new SeedEvent(slug, id, i + 1, TypeNames[type], $"{Namespace}{type}, {Assembly}", JsonSerializer.SerializeToUtf8Bytes(data, Json), at.ToUniversalTime(), user));
        }

        return seedEvents;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var pick = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            if (pick < weight(item))
            {
                return item;
            }

            pick -= weight(item);
        }

        return items[^1];
    }

    private static string Person(Random random) => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    /// <summary>A resident ID number of the county (520527) with a valid GB 11643 check digit.</summary>
    public static string IdNumber(Random random, DateOnly onDay)
    {
        var birth = onDay.AddYears(-random.Next(18, 85)).AddDays(-random.Next(365));
        var body = string.Create(CultureInfo.InvariantCulture, $"520527{birth:yyyyMMdd}{random.Next(0, 1000):D3}");
        return body + CheckDigit(body);
    }

    public static char CheckDigit(string body)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11];
    }
}
