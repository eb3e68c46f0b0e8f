using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Modular.Modules.Mediation.Tests.Households;

/// <summary>Real .xlsx files for the tests, built and read with the Open XML SDK rather than the module's own code.</summary>
internal static class Xlsx
{
    public static byte[] Write(IReadOnlyList<string> header, params IReadOnlyList<string>[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var cells in new[] { header }.Concat(rows))
            {
                data.Append(new Row(cells.Select(c => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(c)) })));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "台帐" }));
        }

        return stream.ToArray();
    }

    /// <summary>Every cell's text of the first sheet, row by row.</summary>
    public static List<List<string>> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook!.Sheets!.Elements<Sheet>().First().Id!);
        return sheet.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString
            ? shared[int.Parse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture)]
            : c.InnerText).ToList()).ToList();
    }

    /// <summary>The header of the ledger's workbook, as the export writes it and the import reads it.</summary>
    public static readonly string[] LedgerHeader =
        ["户号", "村", "组", "住址", "姓名", "与户主关系", "性别", "身份证号码", "年龄", "联系电话", "文化程度", "职业", "婚姻状况", "收入水平", "服务需求", "特殊群体", "备注"];

    public static string[] LedgerRow(string number, string name, string relation, string idNumber, string specialGroups = "", string village = "团结村") =>
        [number, village, "二组", "野马川镇团结村二组8号", name, relation, "", idNumber, "", "13800001111", "小学", "务农", "有配偶", "5000元以下", "", specialGroups, ""];
}
