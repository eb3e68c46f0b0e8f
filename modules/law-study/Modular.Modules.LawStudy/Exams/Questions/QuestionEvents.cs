namespace Modular.Modules.LawStudy.Exams;

// A question's history, aliased in ExamsArea (law-study.<event>.v1). Each event carries the whole question as it then
// stood: a paper copies it when drawn, so an edit never reaches back into a paper already sat.

/// <summary>A question was added to a law's bank (by hand, or by an import when <paramref name="Imported"/>).</summary>
internal sealed record QuestionAdded(
    Guid Id, string Law, QuestionKind Kind, string Text, IReadOnlyList<string> Options, IReadOnlyList<int> Answer, string? Explanation, bool Imported);

/// <summary>The question was corrected: the whole question as it now stands.</summary>
internal sealed record QuestionEdited(string Law, QuestionKind Kind, string Text, IReadOnlyList<string> Options, IReadOnlyList<int> Answer, string? Explanation);

/// <summary>The question is no longer drawn (outdated by a new law, found ambiguous); papers that hold it keep it.</summary>
internal sealed record QuestionRetired(string Reason);
