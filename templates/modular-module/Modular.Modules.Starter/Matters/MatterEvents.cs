namespace Modular.Modules.Starter.Matters;

// Events are what happened, in the township's words and the past tense. Each is aliased in MattersArea
// (kit-sample.<event>.v1), so renaming a class never breaks the stored history. Never change an event's meaning:
// add a new event (and a .v2 alias) instead.

/// <summary>A matter was recorded under the next number of its year, with the phone of the person it concerns (personal data).</summary>
internal sealed record MatterOpened(Guid Id, string Number, string Title, DateOnly OpenedOn, string? Phone);

/// <summary>The matter was closed (办结) with its outcome.</summary>
internal sealed record MatterClosed(DateOnly ClosedOn, string Outcome);
