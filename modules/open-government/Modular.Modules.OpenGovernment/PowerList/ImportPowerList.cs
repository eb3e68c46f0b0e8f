using System.Text.RegularExpressions;
using Marten;
using Modular.Kit.Documents;
using Modular.Kit.Input;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>What an import came to: the proposal it made, or every problem (by row, or by form field).</summary>
internal sealed record ImportOutcome(PowerListProposal? Proposal, IReadOnlyList<ImportRowError> RowErrors, IReadOnlyDictionary<string, string[]> FieldErrors, int Added, int Amended, int Unchanged);

/// <summary>
/// Imports a workbook as ONE proposal of the judicial office, like any other adjustment: rows whose code is not in the
/// list are added, rows that differ from the item in force are amended, identical rows are left alone, and items
/// missing from the workbook stay (a repeal is always asked for by name). The county still approves it: an import is
/// never a way round the approval. One bad row and nothing is proposed.
/// </summary>
internal sealed partial class PowerListImporter(IDocumentSession session, PowerListDesk desk)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    [GeneratedRegex(@"^changes\[(\d+)\]\.(?:item\.)?(\w+)$")]
    private static partial Regex ChangeField();

    public async Task<ImportOutcome> ImportAsync(Stream file, string fileName, string? effectiveOn, string? title, CancellationToken ct)
    {
        var fieldErrors = new Dictionary<string, string[]>();
        var date = PowerListDates.Parse(effectiveOn, "effectiveOn", fieldErrors, required: true);
        var (rows, rowErrors) = PowerListWorkbook.Read(file);
        if (rowErrors.Count > 0 || date is null)
        {
            return new ImportOutcome(null, rowErrors, fieldErrors, 0, 0, 0);
        }

        var chains = await PowerListAdjustment.LoadAsync(session, rows.Select(r => r.Item.Code), ct);
        var changes = new List<ProposedChange>();
        var rowOfChange = new List<int>();
        var unchanged = 0;
        foreach (var (row, item) in rows)
        {
            var latest = chains.Latest(item.Code);
            var inForce = latest is not null && latest.ValidTo == PowerItemVersion.Open;
            if (inForce && PowerItemRules.ChangedFields(latest!.Item, item).Count == 0)
            {
                unchanged++;
                continue;
            }

            changes.Add(new ProposedChange(inForce ? ProposedChange.Amend : ProposedChange.Add, item.Code, item, "导入"));
            rowOfChange.Add(row);
        }

        if (changes.Count == 0)
        {
            fieldErrors["file"] = ["工作簿中的事项与清单完全一致，无需调整 / Every row matches the list: nothing to change."];
            return new ImportOutcome(null, rowErrors, fieldErrors, 0, 0, unchanged);
        }

        var name = FileNames.Clean(fileName);
        PowerListProposal proposal;
        try
        {
            proposal = await desk.ProposeAsync(
                new ProposeChanges(string.IsNullOrWhiteSpace(title) ? $"导入权责清单：{name}" : title, $"由工作簿 {name} 导入，共{rows.Count}项。", effectiveOn, changes),
                "import", ct);
        }
        catch (InputRejectedException refused)
        {
            // The desk names a change's field (changes[3].item.name): the clerk reads it as a row and a column of the file.
            foreach (var (field, messages) in refused.Errors)
            {
                if (ChangeField().Match(field) is { Success: true } m)
                {
                    var row = rowOfChange[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
                    rowErrors.AddRange(messages.Select(message => new ImportRowError(row, PowerListWorkbook.ColumnLabel(m.Groups[2].Value), message)));
                }
                else
                {
                    fieldErrors[field] = messages;
                }
            }

            return new ImportOutcome(null, rowErrors.OrderBy(e => e.Row).ToList(), fieldErrors, 0, 0, unchanged);
        }

        return new ImportOutcome(proposal, [], fieldErrors,
            changes.Count(c => c.Kind == ProposedChange.Add), changes.Count(c => c.Kind == ProposedChange.Amend), unchanged);
    }
}
