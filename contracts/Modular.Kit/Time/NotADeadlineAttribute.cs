namespace Modular.Kit.Time;

/// <summary>
/// Marks module code that moves a date by plain days, months or years for something that is not a deadline (demo
/// records spread over a year, a person's age, the first day of a figures period). Every deadline goes through
/// <c>IStatutoryClock</c>; the architecture rule that forbids <c>AddDays</c>, <c>AddMonths</c> and <c>AddYears</c> in
/// module code lets a marked type or member through, and refuses a mark without a reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor, Inherited = false)]
public sealed class NotADeadlineAttribute(string reason) : Attribute
{
    /// <summary>Why plain date arithmetic is right here, for the reviewer.</summary>
    public string Reason { get; } = reason;
}
