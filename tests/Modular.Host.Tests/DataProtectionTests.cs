using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Storage;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// The data-protection key ring (session cookies, antiforgery) is shared through PostgreSQL and encrypted there: another
/// instance with the same key-encryption key reads the first one's cookie, an instance given another key cannot (and
/// answers 401, not 500), and the database holds no key in the clear.
/// </summary>
public sealed class DataProtectionTests : IAsyncLifetime
{
    private readonly PlatformFactory _first = new(TestPlugins.NotebookRoot);

    public Task InitializeAsync() => ((IAsyncLifetime)_first).InitializeAsync();

    public async Task DisposeAsync() => await _first.DisposeAsync();

    [Fact]
    public async Task A_cookie_of_one_instance_is_read_by_another_with_the_same_key_and_the_ring_is_stored_encrypted()
    {
        var cookie = await _first.SessionCookieAsync();
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(_first, cookie)).StatusCode);

        await using (var twin = new PlatformFactory(TestPlugins.NotebookRoot, database: _first.ConnectionString) { KeyEncryptionKey = _first.KeyEncryptionKey })
        {
            await ((IAsyncLifetime)twin).InitializeAsync();
            Assert.Equal(HttpStatusCode.OK, (await MeAsync(twin, cookie)).StatusCode);
        }

        await using (var stranger = new PlatformFactory(TestPlugins.NotebookRoot, database: _first.ConnectionString))
        {
            await ((IAsyncLifetime)stranger).InitializeAsync();
            Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(stranger, cookie)).StatusCode);
        }

        await using var session = _first.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var ring = await session.Query<DataProtectionKey>().ToListAsync();
        Assert.NotEmpty(ring);
        Assert.All(ring, key =>
        {
            Assert.Contains("encryptedWithKeyEncryptionKey", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", key.Xml, StringComparison.Ordinal);
        });
    }

    private static Task<HttpResponseMessage> MeAsync(PlatformFactory platform, string cookie) => platform.SendWithCookieAsync(HttpMethod.Get, "/api/auth/me", cookie);
}
