using Modular.Kit.Documents;
using Modular.Modules.LegalServices.Consultations;
using static Modular.Modules.LegalServices.UnitTests.Consultations.Consultations;

namespace Modular.Modules.LegalServices.UnitTests.Consultations;

public sealed class RegisterWorkbookTests
{
    private static Stream File(params IReadOnlyList<object?>[] rows) => new MemoryStream(Workbook.Write(ConsultationWorkbook.SheetName, ConsultationWorkbook.Columns, rows));

    private static IReadOnlyList<object?> Row(string outcome, string at, string text, string window = "", string note = "", string id = "") =>
        ["", "2020-01-22 09:30", "来访", "婚姻家庭", "刘德华", id, "13987654321", "双河村", "", "离婚时子女抚养权如何确定？", outcome, at, text, window, note];

    [Fact]
    public void A_register_with_its_outcomes_reads_as_registrations_and_outcomes()
    {
        var (rows, errors) = ConsultationWorkbook.Read(File(
            Row("已解答", "2020-01-22 10:00", "以最有利于未成年子女为原则。"),
            Row("已转窗口", "2020-01-22 10:00", "", "人民调解", "请调解"),
            Row("待答复", "", "")), Now, new ConsultationSettings());

        Assert.Empty(errors);
        Assert.Equal(3, rows.Count);
        Assert.IsType<ConsultationAnswered>(rows[0].Outcome);
        Assert.Equal(ServiceWindow.PeopleMediation, Assert.IsType<ConsultationRouted>(rows[1].Outcome).Window);
        Assert.Null(rows[2].Outcome);
        Assert.All(rows, r => Assert.True(r.Registered.Imported));
    }

    [Fact]
    public void Every_bad_row_is_named_by_row_and_column_and_nothing_is_taken()
    {
        var (rows, errors) = ConsultationWorkbook.Read(File(
            Row("已解答", "2020-01-22 10:00", "答复"),
            Row("已解答", "2020-01-21 10:00", ""),
            Row("已转窗口", "2020-01-22 10:00", "", "法院", ""),
            Row("已解答", "2020-01-22 10:00", "答复", id: "520527********0021")), Now, new ConsultationSettings());

        Assert.Empty(rows);
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "身份证号码");
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "办理时间");
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "答复内容");
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "转办窗口");
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "转办说明");
        Assert.DoesNotContain(errors, e => e.Row == 2);
    }
}
