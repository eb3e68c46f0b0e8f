using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.LawStudy.Tests.Exams.ExamScenario;

namespace Modular.Modules.LawStudy.Tests.Exams;

/// <summary>The question bank's files: .xlsx round trip, CSV as Windows writes it (GBK, UTF-8 with a mark), a bad row, a bomb.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class QuestionImportTests(LawStudyPlatform platform)
{
    private const string Header = "题库（法律）,题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案,解析";

    private static readonly string Rows = string.Join("\r\n",
        Header,
        "民法典,单选题,民法典自何时起施行？,2020年5月28日,2021年1月1日,2020年1月1日,,,,B,第一千二百六十条",
        "民法典,多选题,\"下列属于民法典分编的有：\",物权编,合同编,\"婚姻家庭编，含收养\",刑罚编,,,\"A,B,C\",\"分编为物权、合同、人格权、婚姻家庭、继承、侵权责任\"",
        "行政处罚法,判断题,执法人员不得少于两人。,,,,,,,正确,第四十二条",
        "");

    private static async Task<HttpResponseMessage> ImportAsync(ExamTownship t, byte[] file, string name, string type = "text/csv")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(content, "file", name);
        return await t.Organiser.PostAsync($"{t.Api}/questions/import", form);
    }

    private static async Task<JsonElement> BanksAsync(ExamTownship t) => await t.Organiser.GetFromJsonAsync<JsonElement>($"{t.Api}/questions/banks");

    [Fact]
    public async Task A_GBK_CSV_saved_by_Excel_on_Windows_imports_with_its_Chinese_intact_and_a_second_import_of_it_is_refused()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var t = await TownshipAsync(platform);
        var gbk = Encoding.GetEncoding(936).GetBytes(Rows);
        var imported = await ImportAsync(t, gbk, "题库.csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var questions = await t.Organiser.GetFromJsonAsync<JsonElement>($"{t.Api}/questions?law=民法典&kind=Multiple");
        Assert.Equal("婚姻家庭编，含收养", questions[0].GetProperty("options")[2].GetString());
        Assert.Equal("ABC", questions[0].GetProperty("answer").GetString());

        var again = await ErrorsAsync(await ImportAsync(t, gbk, "题库.csv"));
        Assert.Equal(3, again.EnumerateObject().Count());
        Assert.Equal(2, (await BanksAsync(t)).GetArrayLength());
    }

    [Fact]
    public async Task A_UTF8_CSV_with_a_byte_order_mark_imports_and_the_xlsx_export_imports_into_another_township_unchanged()
    {
        var t = await TownshipAsync(platform);
        byte[] bom = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Rows)];
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(t, bom, "questions.csv")).StatusCode);
        var exported = await t.Organiser.GetByteArrayAsync($"{t.Api}/questions/export.xlsx");

        var other = await TownshipAsync(platform);
        var imported = await ImportAsync(other, exported, "question-bank.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        static async Task<string> Bank(ExamTownship t) =>
            string.Join("\n", (await t.Organiser.GetFromJsonAsync<JsonElement>($"{t.Api}/questions")).EnumerateArray()
                .Select(q => $"{q.GetProperty("law")}|{q.GetProperty("kind")}|{q.GetProperty("text")}|{string.Join("/", q.GetProperty("options").EnumerateArray())}|{q.GetProperty("answer")}|{q.GetProperty("explanation")}")
                .Order(StringComparer.Ordinal));
        Assert.Equal(await Bank(t), await Bank(other));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_imports_nothing_and_names_each_bad_row_and_column()
    {
        var t = await TownshipAsync(platform);
        var bad = string.Join("\r\n", Header,
            "民法典,单选题,第一题,甲,乙,,,,,B,",
            "民法典,单选题,第二题,甲,乙,丙,,,,AB,",
            ",问答题,,,,,,,,,",
            "民法典,判断题,第四题,,,,,,,也许,");
        var errors = await ErrorsAsync(await ImportAsync(t, Encoding.UTF8.GetBytes(bad), "bad.csv"));
        Assert.False(errors.TryGetProperty("row 2", out _));
        Assert.Contains("答案", errors.GetProperty("row 3")[0].GetString());
        Assert.Contains(errors.GetProperty("row 4").EnumerateArray(), m => m.GetString()!.Contains("题库（法律）", StringComparison.Ordinal));
        Assert.Contains(errors.GetProperty("row 4").EnumerateArray(), m => m.GetString()!.Contains("题型", StringComparison.Ordinal));
        Assert.True(errors.TryGetProperty("row 5", out _));
        Assert.Equal(0, (await BanksAsync(t)).GetArrayLength());
    }

    [Fact]
    public async Task A_zip_bomb_named_xlsx_and_a_binary_file_named_csv_are_refused_before_anything_is_read()
    {
        var t = await TownshipAsync(platform);
        var bomb = await ImportAsync(t, ZipBombs.OneHugeCell(400L * 1024 * 1024), "bomb.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Equal("application/problem+json", bomb.Content.Headers.ContentType?.MediaType);
        var binary = await ImportAsync(t, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "picture.csv");
        Assert.Equal(HttpStatusCode.BadRequest, binary.StatusCode);
        Assert.Equal(0, (await BanksAsync(t)).GetArrayLength());
    }
}
