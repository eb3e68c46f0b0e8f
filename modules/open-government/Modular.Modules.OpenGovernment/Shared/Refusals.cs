using Microsoft.AspNetCore.Http;
using Modular.Kit.Input;

namespace Modular.Modules.OpenGovernment.Shared;

/// <summary>
/// A step that the record's state does not allow (publishing an item not yet reviewed, deciding a proposal twice). It is
/// refused like any input, as <see cref="InputRejectedException"/> under <c>state</c> alone, so a page shows it as it
/// shows any other refusal; the publications and power-list APIs have always answered it 409 with the reason as the
/// problem's detail, and <see cref="AnswerAsync"/> keeps that answer.
/// </summary>
internal static class Refusals
{
    public const string Field = "state";

    public static InputRejectedException State(string chinese, string english) => InputRejectedException.Of(Field, chinese, english);

    public static InputRejectedException State(string message) => new(new Dictionary<string, string[]> { [Field] = [message] });

    public static bool IsState(InputRejectedException refused) => refused.Errors.Count == 1 && refused.Errors.ContainsKey(Field);

    /// <summary>The step's answer; a refusal by state alone is 409 with its reason, any other refusal goes on to the host (400).</summary>
    public static async Task<IResult> AnswerAsync(Func<Task<IResult>> step)
    {
        try
        {
            return await step();
        }
        catch (InputRejectedException refused) when (IsState(refused))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "当前状态不允许此操作 / Not allowed in the current state",
                detail: string.Join(" ", refused.Errors[Field]));
        }
    }

    /// <summary>What a page says above the form: the state's reason, or that fields are marked.</summary>
    public static string Message(InputRejectedException refused) =>
        IsState(refused) ? string.Join(" ", refused.Errors[Field]) : Modular.Kit.Text.T("请修改标出的字段。", "Correct the fields marked.");
}
