namespace Modular.Modules.LawStudy.Exams;

/// <summary>Placeholder replaced by the demo commit.</summary>
internal sealed class ExamDemo : IDemoData
{
    public Task SeedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
