using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Modular.Benchmarks.Mediation;

/// <summary>The county's generated petitions (states by the module's <c>PetitionState</c> number), and how many stand open.</summary>
internal sealed class PetitionPlan : SeedPlan
{
    public int Open { get; set; }
}

/// <summary>
/// Ten years of petitions (信访事项) per township, ending on the day of the run so the recent ones stand open on live
/// deadlines (信访工作条例: acceptance within 15 days, an opinion within 60 days of it, one extension of up to 30, a
/// review and a second review within 30 days each). Generated as the module's events and copied into Marten's tables
/// like the disputes (<see cref="CountySeed"/>); the snapshots come from the projection rebuild.
/// </summary>
internal static class PetitionSeed
{
    public const string Namespace = "Modular.Modules.Mediation.Petitions.";
    private static readonly JsonSerializerOptions Json = new();
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>The event types the module maps (PetitionsArea.ConfigureMarten), by class name.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypeNames = new Dictionary<string, string>
    {
        ["PetitionRegistered"] = "mediation.petition-registered.v1",
        ["PetitionObjected"] = "mediation.petition-objected.v1",
        ["PetitionAccepted"] = "mediation.petition-accepted.v1",
        ["PetitionClassified"] = "mediation.petition-classified.v1",
        ["PetitionRedirected"] = "mediation.petition-redirected.v1",
        ["InvestigationStarted"] = "mediation.petition-investigation-started.v1",
        ["OpinionDeadlineExtended"] = "mediation.petition-opinion-deadline-extended.v1",
        ["OpinionIssued"] = "mediation.petition-opinion-issued.v1",
        ["ReviewRequested"] = "mediation.petition-review-requested.v1",
        ["ReviewDecided"] = "mediation.petition-review-decided.v1",
    };

    // PetitionChannel, PetitionCategory, OpinionOutcome, PetitionState by number.
    private const int Letter = 0, Visit = 1, Online = 2, Phone = 3, Transferred = 4;
    private const int Suggestion = 0, Report = 1, Claim = 2;
    private const int Registered = 0, Objected = 1, Accepted = 2, Classified = 3, Redirected = 4, Investigating = 5, OpinionIssuedState = 6, UnderReview = 7, Reviewed = 8, UnderSecondReview = 9, Final = 10;

    private static readonly string[] Matters =
    [
        "反映村组道路硬化资金使用不公开，要求公开账目", "反映承包地被征用后补偿款未足额发放", "要求解决饮水工程停水问题", "反映邻居违规建房影响通行",
        "反映低保评定不公，要求重新评议", "要求协调解决拖欠的务工工资", "反映林地权属争议多年未解决", "对危房改造补助发放有异议",
        "建议在村小学附近设置交通减速带", "反映养殖场污染河道", "要求落实退役军人优抚待遇", "反映村干部在项目中优亲厚友",
    ];

    private static readonly string[] Offices = ["赫章县信访局", "毕节市信访局", "赫章县人民政府办公室", "贵州省信访局"];

    /// <param name="existing">The counters the API's registrations made: the generated numbers of those years go on after them.</param>
    public static PetitionPlan Generate(
        IReadOnlyList<string> slugs, IReadOnlyDictionary<string, List<string>> villages, int perYear, DateOnly today, IReadOnlyDictionary<(string Tenant, int Year), int> existing, int seed)
    {
        var plan = new PetitionPlan();
        var random = new Random(seed);
        var first = today.AddYears(-10).AddDays(1);
        var days = today.DayNumber - first.DayNumber + 1;
        for (var t = 0; t < slugs.Count; t++)
        {
            var slug = slugs[t];
            var township = CountySeed.TownshipName(t);
            var clerks = Enumerable.Range(1, 2 + random.Next(2)).Select(i => (User: $"{slug}-clerk{i}", Name: Person(random))).ToList();
            var received = Enumerable.Range(0, perYear * 10).Select(_ => first.AddDays(random.Next(days))).Order().ToList();
            var numbers = new Dictionary<int, int>();
            foreach (var on in received)
            {
                var n = numbers[on.Year] = (numbers.TryGetValue(on.Year, out var last) ? last : existing.GetValueOrDefault((slug, on.Year))) + 1;
                var clerk = clerks[random.Next(clerks.Count)];
                var events = Petition(random, slug, township, on, $"{on.Year}-{n:D4}", villages[slug], clerk, today, out var state);
                if (state is Registered or Accepted or Classified or Investigating or UnderReview or UnderSecondReview)
                {
                    plan.Open++;
                }

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

    private static List<SeedEvent> Petition(
        Random random, string slug, string township, DateOnly receivedOn, string number, List<string> villages, (string User, string Name) clerk, DateOnly today, out int state)
    {
        var id = Guid.CreateVersion7(new DateTimeOffset(receivedOn.ToDateTime(new TimeOnly(9, 0)), Shanghai));
        var channel = random.Next(100) switch { < 30 => Visit, < 50 => Letter, < 72 => Online, < 85 => Phone, _ => Transferred };
        var village = villages[random.Next(villages.Count)];
        var events = new List<(string Type, object Data, DateOnly On)>
        {
            ("PetitionRegistered", new
            {
                Id = id, Number = number, Channel = channel, ReceivedOn = receivedOn,
                TransferringOffice = channel == Transferred ? Offices[random.Next(Offices.Length)] : null,
                TransferReference = channel == Transferred ? $"赫信转〔{receivedOn.Year}〕{random.Next(1, 900)}号" : null,
                Petitioner = new
                {
                    Name = Person(random),
                    IdNumber = random.Next(100) < 60 ? CountySeed.IdNumber(random, receivedOn) : null,
                    Phone = random.Next(100) < 80 ? $"1{random.Next(3, 10)}{random.Next(0, 1_000_000_000):D9}" : null,
                    Address = random.Next(100) < 70 ? $"{township}{village}{random.Next(1, 12)}组" : null,
                },
                Matter = $"{village}村民{Matters[random.Next(Matters.Length)]}。",
                DisclosureRequestId = (Guid?)null,
            }, receivedOn),
        };
        var day = receivedOn;
        bool Step(int min, int max)
        {
            var next = day.AddDays(random.Next(min, max + 1));
            if (next > today)
            {
                return false; // not yet: the petition stands where today has reached
            }

            day = next;
            return true;
        }

        void Add(string type, object data) => events.Add((type, data, day));
        state = Registered;
        if (random.Next(100) < 5)
        {
            if (Step(1, 6))
            {
                Add("PetitionObjected", new { ObjectedOn = day, Reason = "所反映事项属县级职能部门职权范围，已告知向有权机关提出。" });
                state = Objected;
            }
        }
        else if (Step(1, 12))
        {
            Add("PetitionAccepted", new { NoticeOn = day });
            state = Accepted;
            var acceptedOn = day;
            var category = random.Next(100) switch { < 15 => Suggestion, < 30 => Report, _ => Claim };
            if (Step(0, 3))
            {
                Add("PetitionClassified", new { ClassifiedOn = day, Category = category });
                state = Classified;
                if (category == Claim && random.Next(100) < 10)
                {
                    if (Step(1, 5))
                    {
                        Add("PetitionRedirected", new { RedirectedOn = day, Procedure = random.Next(2) == 0 ? "诉讼" : "行政复议", Explanation = "该诉求依法应当通过法定途径解决，已书面告知信访人。" });
                        state = Redirected;
                    }
                }
                else if (Step(1, 6))
                {
                    Add("InvestigationStarted", new { StartedOn = day, Investigator = clerk.Name });
                    state = Investigating;
                    var extended = random.Next(100) < 8;
                    if (extended && Step(10, 40))
                    {
                        Add("OpinionDeadlineExtended", new { ExtendedOn = day, Days = 10 * random.Next(1, 4), Reason = "情况复杂，需要进一步调查核实。" });
                    }

                    // Most within the 60 days; a few late.
                    var due = acceptedOn.AddDays(random.Next(100) < 95 ? random.Next(15, 58) : random.Next(62, 80));
                    if (due > day && due <= today)
                    {
                        day = due;
                        var outcome = random.Next(100) switch { < 35 => 0, < 80 => 1, _ => 2 };
                        Add("OpinionIssued", new { IssuedOn = day, Outcome = outcome, Text = "经调查核实，现将处理意见答复如下：……", Basis = "《信访工作条例》第三十二条及相关政策规定" });
                        state = OpinionIssuedState;
                        for (var level = 1; level <= 2 && random.Next(100) < (level == 1 ? 8 : 25); level++)
                        {
                            if (!Step(3, 28))
                            {
                                break;
                            }

                            Add("ReviewRequested", new { RequestedOn = day, Level = level });
                            state = level == 1 ? UnderReview : UnderSecondReview;
                            if (!Step(5, 28))
                            {
                                break;
                            }

                            Add("ReviewDecided", new { DecidedOn = day, Level = level, Outcome = random.Next(100) < 80 ? 1 : 2, Text = "经复查，原处理意见事实清楚、依据充分，予以维持。" });
                            state = level == 1 ? Reviewed : Final;
                        }
                    }
                }
            }
        }

        var seedEvents = new List<SeedEvent>(events.Count);
        var clock = TimeSpan.FromHours(9) + TimeSpan.FromMinutes(random.Next(0, 480));
        for (var i = 0; i < events.Count; i++)
        {
            var (type, data, on) = events[i];
            var at = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), Shanghai) + clock + TimeSpan.FromMinutes(7 * i);
            seedEvents.Add(new SeedEvent(slug, id, i + 1, TypeNames[type], $"{Namespace}{type}, {CountySeed.Assembly}", JsonSerializer.SerializeToUtf8Bytes(data, Json), at.ToUniversalTime(), clerk.User));
        }

        return seedEvents;
    }

    private static string Person(Random random) =>
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高龙"[random.Next(20)] + new[] { "德明", "秀英", "国富", "建华", "桂芳", "志强", "玉兰", "光荣", "金花", "永福", "正林", "海燕" }[random.Next(12)];

    /// <summary>Streams (type <c>petition</c>), events (seq_id continuing Marten's sequence, then moved past them) and the yearly counters.</summary>
    public static async Task<(long First, long Last)> CopyAsync(string connectionString, PetitionPlan plan)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var first = await CountySeedWriter.NextSeqAsync(connection, transaction);
        var seq = await CountySeedWriter.CopyStreamsAsync(connection, "petition", plan.Streams, plan.Events, first);

        // The API's registrations (this year's, in the measured township) already made some counters: they go on from the larger.
        await using (var counters = new NpgsqlCommand(
            "insert into modular.mt_doc_petitionnumbercounter (tenant_id, id, data, mt_version, mt_dotnet_type) " +
            "select t, k, jsonb_build_object('Id', k, 'Last', l), gen_random_uuid(), @type from unnest(@tenants, @keys, @lasts) as u(t, k, l) " +
            "on conflict (tenant_id, id) do update set data = jsonb_build_object('Id', excluded.id, 'Last', greatest((modular.mt_doc_petitionnumbercounter.data ->> 'Last')::int, (excluded.data ->> 'Last')::int)), mt_version = gen_random_uuid()",
            connection, transaction))
        {
            counters.Parameters.AddWithValue("tenants", plan.Counters.Keys.Select(k => k.Tenant).ToArray());
            counters.Parameters.AddWithValue("keys", plan.Counters.Keys.Select(k => k.Year.ToString(CultureInfo.InvariantCulture)).ToArray());
            counters.Parameters.AddWithValue("lasts", plan.Counters.Values.ToArray());
            counters.Parameters.AddWithValue("type", $"{Namespace}Steps.PetitionNumberCounter");
            await counters.ExecuteNonQueryAsync();
        }

        await using (var sequence = new NpgsqlCommand($"select setval('modular.mt_events_sequence', {seq - 1})", connection, transaction))
        {
            await sequence.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return (first, seq - 1);
    }
}
