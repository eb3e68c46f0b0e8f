using Marten;
using Microsoft.Extensions.Configuration;
using Modular.Contracts.Portal;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>How a workflow step ended: done (with the stream's new version), refused input, an illegal step, or not found.</summary>
internal sealed record StepResult(Guid Id, int Version, IReadOnlyDictionary<string, string[]>? Errors = null, string? Refusal = null, bool NotFound = false)
{
    public bool Succeeded => Errors is null && Refusal is null && !NotFound;

    public static StepResult Missing(Guid id) => new(id, 0, NotFound: true);

    public static StepResult Invalid(Guid id, IReadOnlyDictionary<string, string[]> errors) => new(id, 0, Errors: errors);

    public static StepResult Refused(Guid id, string message) => new(id, 0, Refusal: message);
}

/// <summary>
/// The publication workflow: drafted → submitted → reviewed (保密审查 and 合法性审查) → published, or returned with a
/// reason; a published item is revised (a new version, the old one kept) or withdrawn with a reason. Used by the API and
/// the staff pages alike, so both refuse the same steps the same way. A concurrent change surfaces as Marten's
/// ConcurrencyException, which the host answers with 409.
/// </summary>
internal sealed class PublicationWorkflow(
    IDocumentSession session, IStatutoryClock clock, TimeProvider time, ICurrentUser user, IPublicPageCache portalCache, IConfiguration configuration)
{
    private string By => user.UserName;

    private DateTimeOffset Now => time.GetUtcNow();

    public async Task<StepResult> DraftAsync(PublicationInput input, CancellationToken ct)
    {
        var (content, errors) = await input.ValidateAsync(session, clock, ct);
        if (content is null)
        {
            return StepResult.Invalid(Guid.Empty, errors);
        }

        var id = Guid.NewGuid();
        session.Events.StartStream<Publication>(id, new PublicationDrafted(id, content, By, Now));
        await session.SaveChangesAsync(ct);
        return new StepResult(id, 1);
    }

    public Task<StepResult> EditAsync(Guid id, int expectedVersion, PublicationInput input, CancellationToken ct) =>
        StepAsync(id, expectedVersion, async p =>
        {
            if (!p.IsEditable)
            {
                return T("只有草稿或退回的信息可以编辑；已发布的信息请修订。", "Only a draft or a returned item can be edited; revise a published one.");
            }

            var (content, errors) = await input.ValidateAsync(session, clock, ct);
            return content is null ? errors : new PublicationDraftEdited(content, By, Now);
        }, ct);

    public Task<StepResult> AddAttachmentAsync(Guid id, int expectedVersion, string? fileName, byte[] bytes, CancellationToken ct) =>
        StepAsync(id, expectedVersion, p =>
        {
            if (!p.IsEditable)
            {
                return Task.FromResult<object>(T("只能在草稿或退回状态下添加附件。", "Attachments can only be added to a draft or a returned item."));
            }

            var (contentType, error) = AttachmentFiles.Check(fileName, bytes, AttachmentFiles.MaxBytes(configuration));
            if (error is not null)
            {
                return Task.FromResult<object>(new Dictionary<string, string[]> { ["file"] = [error] });
            }

            var name = Path.GetFileName(fileName!.Replace('\\', '/'));
            var stored = new StoredAttachment { Id = Guid.NewGuid(), PublicationId = id, FileName = name, ContentType = contentType!, Content = bytes, UploadedBy = By, UploadedAt = Now };
            session.Store(stored);
            return Task.FromResult<object>(new PublicationAttachmentAdded(new AttachmentRef(stored.Id, name, contentType!, bytes.LongLength), By));
        }, ct);

    public Task<StepResult> RemoveAttachmentAsync(Guid id, int expectedVersion, Guid attachmentId, CancellationToken ct) =>
        StepAsync(id, expectedVersion, p => Task.FromResult<object>(
            !p.IsEditable ? T("只能在草稿或退回状态下移除附件。", "Attachments can only be removed from a draft or a returned item.")
            : p.Attachments.All(a => a.Id != attachmentId) ? new Dictionary<string, string[]> { ["attachmentId"] = [T("没有这个附件。", "There is no such attachment.")] }
            : new PublicationAttachmentRemoved(attachmentId, By)), ct);

    public Task<StepResult> SubmitAsync(Guid id, int expectedVersion, CancellationToken ct) =>
        StepAsync(id, expectedVersion, p => Task.FromResult<object>(p.IsEditable
            ? new PublicationSubmitted(By, Now)
            : T("只有草稿或退回的信息可以提交审查。", "Only a draft or a returned item can be submitted for review.")), ct);

    public Task<StepResult> ReturnAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct) =>
        StepAsync(id, expectedVersion, p => Task.FromResult<object>(
            p.State != PublicationState.Submitted ? T("只有已提交审查的信息可以退回。", "Only an item submitted for review can be returned.")
            : string.IsNullOrWhiteSpace(reason) ? new Dictionary<string, string[]> { ["reason"] = [T("请写明退回理由。", "Give the reason for returning it.")] }
            : new PublicationReturned(reason.Trim(), By, Now)), ct);

    /// <summary>
    /// Records both checks and releases the item: proactive information goes to the portal as a new version;
    /// on-request and not-disclosed information is filed, never shown to the public.
    /// </summary>
    public async Task<StepResult> ApproveAsync(Guid id, int expectedVersion, ReviewInput review, CancellationToken ct)
    {
        PublishedVersion? released = null;
        var result = await StepAsync(id, expectedVersion, p =>
        {
            if (p.State != PublicationState.Submitted)
            {
                return Task.FromResult<object>(T("只有已提交审查的信息才能审查通过并发布。", "Only an item submitted for review can be approved and published."));
            }

            var errors = review.Validate();
            if (errors.Count > 0)
            {
                return Task.FromResult<object>(errors);
            }

            var reviewed = new PublicationReviewed(review.ConfidentialityOpinion!.Trim(), review.LegalityOpinion!.Trim(), By, Now);
            if (p.Content.Disclosure != Disclosure.Proactive)
            {
                return Task.FromResult<object>(new object[] { reviewed, new PublicationFiled(By, Now) });
            }

            var number = p.Versions.Count + 1;
            released = new PublishedVersion(number, p.Content, [.. p.Attachments], reviewed.At, By);
            return Task.FromResult<object>(new object[] { reviewed, new PublicationPublished(number, By, reviewed.At) });
        }, ct, async (p, _) =>
        {
            var existing = await session.LoadAsync<PublishedPublication>(id, ct);
            if (released is not null)
            {
                session.Store(PublishedPublication.From(p, released, existing?.FirstPublishedOn ?? clock.Today));
            }
            else if (existing is { Withdrawn: false })
            {
                // A revision that is no longer proactive takes the earlier public version off the portal with it.
                (existing.Withdrawn, existing.WithdrawnAt, existing.WithdrawalReason) = (true, Now, T("修订后不再主动公开", "No longer proactively disclosed after revision"));
                session.Store(existing);
            }
        });
        if (result.Succeeded)
        {
            await portalCache.EvictAsync(ct);
        }

        return result;
    }

    public Task<StepResult> ReviseAsync(Guid id, int expectedVersion, PublicationInput input, CancellationToken ct) =>
        StepAsync(id, expectedVersion, async p =>
        {
            if (p.State is not (PublicationState.Published or PublicationState.Filed))
            {
                return T("只有已发布的信息可以修订。", "Only a published item can be revised.");
            }

            var (content, errors) = await input.ValidateAsync(session, clock, ct);
            return content is null ? errors : new PublicationRevisionStarted(content, By, Now);
        }, ct);

    public async Task<StepResult> WithdrawAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct)
    {
        var result = await StepAsync(id, expectedVersion, p => Task.FromResult<object>(
            p.Versions.Count == 0 || p.State == PublicationState.Withdrawn ? T("只有已发布的信息可以撤回。", "Only a published item can be withdrawn.")
            : string.IsNullOrWhiteSpace(reason) ? new Dictionary<string, string[]> { ["reason"] = [T("请写明撤回理由。", "Give the reason for withdrawing it.")] }
            : new PublicationWithdrawn(reason.Trim(), By, Now)), ct, async (_, events) =>
            {
                if (await session.LoadAsync<PublishedPublication>(id, ct) is { } live && events[0] is PublicationWithdrawn withdrawn)
                {
                    (live.Withdrawn, live.WithdrawnAt, live.WithdrawalReason) = (true, withdrawn.At, withdrawn.Reason);
                    session.Store(live);
                }
            });
        if (result.Succeeded)
        {
            await portalCache.EvictAsync(ct);
        }

        return result;
    }

    /// <summary>
    /// One step on one stream: <paramref name="decide"/> returns the event(s) to append, a validation dictionary, or a
    /// refusal message; <paramref name="after"/> sees the events and updates read models in the same transaction.
    /// </summary>
    private async Task<StepResult> StepAsync(Guid id, int expectedVersion, Func<Publication, Task<object>> decide, CancellationToken ct, Func<Publication, object[], Task>? after = null)
    {
        // Looked up first: another township's id (or none) is 404, never a version conflict.
        if (await session.LoadAsync<Publication>(id, ct) is null)
        {
            return StepResult.Missing(id);
        }

        var stream = await session.Events.FetchForWriting<Publication>(id, expectedVersion, ct);
        var publication = stream.Aggregate!;

        var decision = await decide(publication);
        switch (decision)
        {
            case string refusal:
                return StepResult.Refused(id, refusal);
            case Dictionary<string, string[]> errors:
                return StepResult.Invalid(id, errors);
        }

        var events = decision as object[] ?? [decision];
        stream.AppendMany(events);
        if (after is not null)
        {
            await after(publication, events);
        }

        await session.SaveChangesAsync(ct);
        return new StepResult(id, expectedVersion + events.Length);
    }
}

/// <summary>The reviewer's record of both checks.</summary>
internal sealed record ReviewInput(bool ConfidentialityPassed, string? ConfidentialityOpinion, bool LegalityPassed, string? LegalityOpinion)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!ConfidentialityPassed || string.IsNullOrWhiteSpace(ConfidentialityOpinion))
        {
            errors["confidentialityOpinion"] = [T("须完成保密审查并填写审查意见；未通过的请退回。", "Record the confidentiality review and its opinion; return the item if it does not pass.")];
        }

        if (!LegalityPassed || string.IsNullOrWhiteSpace(LegalityOpinion))
        {
            errors["legalityOpinion"] = [T("须完成合法性审查并填写审查意见；未通过的请退回。", "Record the legality review and its opinion; return the item if it does not pass.")];
        }

        return errors;
    }
}
