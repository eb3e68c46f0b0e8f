using Marten;
using Microsoft.Extensions.Configuration;
using Modular.Contracts.Portal;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Modules.OpenGovernment.Shared;
using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>
/// The publication workflow: drafted → submitted → reviewed (保密审查 and 合法性审查) → published, or returned with a
/// reason; a published item is revised (a new version, the old one kept) or withdrawn with a reason. Used by the API and
/// the staff pages alike, so both refuse the same steps the same way: bad input and a step the state does not allow
/// are <see cref="InputRejectedException"/> (the latter under <c>state</c>, see <see cref="Refusals"/>), a stale version
/// a version conflict (409), and a record not in this township null.
/// </summary>
internal sealed class PublicationWorkflow(
    IDocumentSession session, IStatutoryClock clock, TimeProvider time, ICurrentUser user, IPublicPageCache portalCache, IConfiguration configuration)
{
    private string By => user.UserName;

    /// <summary>The same workflow with its steps taken at <paramref name="at"/>'s time: the demo year's records, told as they happened.</summary>
    public PublicationWorkflow At(TimeProvider at) => new(session, clock, at, user, portalCache, configuration);

    private DateTimeOffset Now => time.GetUtcNow();

    public async Task<IdAnswer> DraftAsync(PublicationInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var content = await input.ValidateAsync(session, clock, errors, ct);
        errors.ThrowIfAny();
        var id = Guid.NewGuid();
        session.Events.StartStream<Publication>(id, new PublicationDrafted(id, content!, By, Now));
        await session.SaveChangesAsync(ct);
        return new IdAnswer(id, 1);
    }

    public Task<IdAnswer?> EditAsync(Guid id, int expectedVersion, PublicationInput input, CancellationToken ct) =>
        StepAsync(id, expectedVersion, async (p, errors) =>
        {
            if (!p.IsEditable)
            {
                throw Refusals.State(T("只有草稿或退回的信息可以编辑；已发布的信息请修订。", "Only a draft or a returned item can be edited; revise a published one."));
            }

            var content = await input.ValidateAsync(session, clock, errors, ct);
            return content is null ? [] : [new PublicationDraftEdited(content, By, Now)];
        }, ct);

    public Task<IdAnswer?> AddAttachmentAsync(Guid id, int expectedVersion, string? fileName, byte[] bytes, CancellationToken ct) =>
        StepAsync(id, expectedVersion, (p, errors) =>
        {
            if (!p.IsEditable)
            {
                throw Refusals.State(T("只能在草稿或退回状态下添加附件。", "Attachments can only be added to a draft or a returned item."));
            }

            if (FileNames.Read(errors, "file", fileName) is not { } name)
            {
                return Task.FromResult<IReadOnlyList<object>>([]);
            }

            var (contentType, error) = AttachmentFiles.Check(name, bytes, AttachmentFiles.MaxBytes(configuration));
            if (error is not null)
            {
                errors.AddMessage("file", error);
                return Task.FromResult<IReadOnlyList<object>>([]);
            }

            var stored = new StoredAttachment { Id = Guid.NewGuid(), PublicationId = id, FileName = name, ContentType = contentType!, Content = bytes, UploadedBy = By, UploadedAt = Now };
            session.Store(stored);
            return Task.FromResult<IReadOnlyList<object>>([new PublicationAttachmentAdded(new AttachmentRef(stored.Id, name, contentType!, bytes.LongLength), By)]);
        }, ct);

    public Task<IdAnswer?> RemoveAttachmentAsync(Guid id, int expectedVersion, Guid attachmentId, CancellationToken ct) =>
        StepAsync(id, expectedVersion, (p, errors) =>
        {
            if (!p.IsEditable)
            {
                throw Refusals.State(T("只能在草稿或退回状态下移除附件。", "Attachments can only be removed from a draft or a returned item."));
            }

            errors.Check(p.Attachments.Any(a => a.Id == attachmentId), "attachmentId", T("没有这个附件。", "There is no such attachment."));
            return Events(new PublicationAttachmentRemoved(attachmentId, By));
        }, ct);

    public Task<IdAnswer?> SubmitAsync(Guid id, int expectedVersion, CancellationToken ct) =>
        StepAsync(id, expectedVersion, (p, _) => p.IsEditable
            ? Events(new PublicationSubmitted(By, Now))
            : throw Refusals.State(T("只有草稿或退回的信息可以提交审查。", "Only a draft or a returned item can be submitted for review.")), ct);

    public Task<IdAnswer?> ReturnAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct) =>
        StepAsync(id, expectedVersion, (p, errors) =>
        {
            if (p.State != PublicationState.Submitted)
            {
                throw Refusals.State(T("只有已提交审查的信息可以退回。", "Only an item submitted for review can be returned."));
            }

            errors.Check(!string.IsNullOrWhiteSpace(reason), "reason", T("请写明退回理由。", "Give the reason for returning it."));
            return Events(new PublicationReturned(reason?.Trim() ?? "", By, Now));
        }, ct);

    /// <summary>
    /// Records both checks and releases the item: proactive information goes to the portal as a new version;
    /// on-request and not-disclosed information is filed, never shown to the public.
    /// </summary>
    public async Task<IdAnswer?> ApproveAsync(Guid id, int expectedVersion, ReviewInput review, CancellationToken ct)
    {
        PublishedVersion? released = null;
        var result = await StepAsync(id, expectedVersion, (p, errors) =>
        {
            if (p.State != PublicationState.Submitted)
            {
                throw Refusals.State(T("只有已提交审查的信息才能审查通过并发布。", "Only an item submitted for review can be approved and published."));
            }

            review.Validate(errors);
            if (errors.Any)
            {
                return Events();
            }

            var reviewed = new PublicationReviewed(review.ConfidentialityOpinion!.Trim(), review.LegalityOpinion!.Trim(), By, Now);
            if (p.Content.Disclosure != Disclosure.Proactive)
            {
                return Events(reviewed, new PublicationFiled(By, Now));
            }

            var number = p.Versions.Count + 1;
            released = new PublishedVersion(number, p.Content, [.. p.Attachments], reviewed.At, By);
            return Events(reviewed, new PublicationPublished(number, By, reviewed.At));
        }, ct, async (p, _) =>
        {
            var existing = await session.LoadAsync<PublishedPublication>(id, ct);
            if (released is not null)
            {
                var live = PublishedPublication.From(p, released, existing?.FirstPublishedOn ?? TownshipTime.Today(time));
                session.Store(live);
                Portal.PortalEntries.Put(session, live);
            }
            else if (existing is { Withdrawn: false })
            {
                // A revision that is no longer proactive takes the earlier public version off the portal with it.
                (existing.Withdrawn, existing.WithdrawnAt, existing.WithdrawalReason) = (true, Now, T("修订后不再主动公开", "No longer proactively disclosed after revision"));
                session.Store(existing);
                Portal.PortalEntries.Remove(session, id);
            }
        });
        if (result is not null)
        {
            await portalCache.EvictAsync(ct);
        }

        return result;
    }

    public Task<IdAnswer?> ReviseAsync(Guid id, int expectedVersion, PublicationInput input, CancellationToken ct) =>
        StepAsync(id, expectedVersion, async (p, errors) =>
        {
            if (p.State is not (PublicationState.Published or PublicationState.Filed))
            {
                throw Refusals.State(T("只有已发布的信息可以修订。", "Only a published item can be revised."));
            }

            var content = await input.ValidateAsync(session, clock, errors, ct);
            return content is null ? [] : [new PublicationRevisionStarted(content, By, Now)];
        }, ct);

    public async Task<IdAnswer?> WithdrawAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct)
    {
        var result = await StepAsync(id, expectedVersion, (p, errors) =>
        {
            if (p.Versions.Count == 0 || p.State == PublicationState.Withdrawn)
            {
                throw Refusals.State(T("只有已发布的信息可以撤回。", "Only a published item can be withdrawn."));
            }

            errors.Check(!string.IsNullOrWhiteSpace(reason), "reason", T("请写明撤回理由。", "Give the reason for withdrawing it."));
            return Events(new PublicationWithdrawn(reason?.Trim() ?? "", By, Now));
        }, ct, async (_, events) =>
        {
            if (await session.LoadAsync<PublishedPublication>(id, ct) is { } live && events[0] is PublicationWithdrawn withdrawn)
            {
                (live.Withdrawn, live.WithdrawnAt, live.WithdrawalReason) = (true, withdrawn.At, withdrawn.Reason);
                session.Store(live);
                Portal.PortalEntries.Remove(session, id);
            }
        });
        if (result is not null)
        {
            await portalCache.EvictAsync(ct);
        }

        return result;
    }

    private static Task<IReadOnlyList<object>> Events(params object[] events) => Task.FromResult<IReadOnlyList<object>>(events);

    /// <summary>
    /// One step on one stream: <paramref name="decide"/> adds every problem of the input to the errors and returns the
    /// event(s) to append (or throws a refusal of the state); <paramref name="after"/> sees the events and updates read
    /// models in the same transaction. Null when the publication is not this township's.
    /// </summary>
    private async Task<IdAnswer?> StepAsync(Guid id, int expectedVersion, Func<Publication, InputErrors, Task<IReadOnlyList<object>>> decide, CancellationToken ct,
        Func<Publication, IReadOnlyList<object>, Task>? after = null)
    {
        var errors = new InputErrors();
        var stream = await session.OpenForStepAsync<Publication>(id, expectedVersion, errors, ct);
        if (stream is null)
        {
            return null;
        }

        var publication = stream.Aggregate!;
        var events = await decide(publication, errors);
        errors.ThrowIfAny();
        stream.AppendMany([.. events]);
        if (after is not null)
        {
            await after(publication, events);
        }

        await session.SaveChangesAsync(ct);
        return new IdAnswer(id, expectedVersion + events.Count);
    }
}

/// <summary>The reviewer's record of both checks.</summary>
internal sealed record ReviewInput(bool ConfidentialityPassed, string? ConfidentialityOpinion, bool LegalityPassed, string? LegalityOpinion)
{
    public void Validate(InputErrors errors)
    {
        errors.Check(ConfidentialityPassed && !string.IsNullOrWhiteSpace(ConfidentialityOpinion), "confidentialityOpinion",
            T("须完成保密审查并填写审查意见；未通过的请退回。", "Record the confidentiality review and its opinion; return the item if it does not pass."));
        errors.Check(LegalityPassed && !string.IsNullOrWhiteSpace(LegalityOpinion), "legalityOpinion",
            T("须完成合法性审查并填写审查意见；未通过的请退回。", "Record the legality review and its opinion; return the item if it does not pass."));
    }
}
