using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CredentialSite.Status;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Status;

/// <summary>Revoked badges (portfolio revoked:), the issuers' Bitstring Status Lists and each credential's credentialStatus.</summary>
public sealed class RevocationTests
{
    private static string Person(string id, string badge = "code-review", string? revoked = null, string issued = "2026-03-10") => $$"""
        -- input/portfolios/{{id}}/portfolio.yml --
        name: {{id}} Doe
        consent: { publish: true, scope: [profile, badges, readiness] }
        targetRole: engineer-1
        badges:
          - badge: {{badge}}
            issued: {{issued}}
        {{(revoked is null ? "" : "    revoked: " + revoked)}}

        """;

    private static JsonElement Json(TestSite site, string path) => JsonDocument.Parse(site.ReadFile(path)).RootElement;

    [Fact]
    public void RevokedBadge_SetsItsBitInTheIssuersList_AndNoOtherBit()
    {
        using var site = TestSite.Build(Person("sam", revoked: "{ date: 2026-06-01, reason: Plagiarised work sample. }") + Person("alex")).AssertOk();

        var list = Json(site, "issuers/academy/status/revocation.json");
        Assert.Equal(["VerifiableCredential", "BitstringStatusListCredential"], list.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("https://example.org/issuers/academy/status/revocation.json", list.GetProperty("id").GetString());
        Assert.Equal("2026-11-01T00:00:00Z", list.GetProperty("validFrom").GetString()); // asOf
        var subject = list.GetProperty("credentialSubject");
        Assert.Equal("https://example.org/issuers/academy/status/revocation.json#list", subject.GetProperty("id").GetString());
        Assert.Equal("BitstringStatusList", subject.GetProperty("type").GetString());
        Assert.Equal("revocation", subject.GetProperty("statusPurpose").GetString());
        var encoded = subject.GetProperty("encodedList").GetString()!;
        Assert.StartsWith("u", encoded);
        Assert.DoesNotContain("=", encoded);

        var bits = Bitstring.Decode(encoded);
        Assert.True(bits.Length * 8 >= 131072, $"the list has {bits.Length * 8} bits");
        var sam = Index(site, "sam");
        var alex = Index(site, "alex");
        Assert.NotEqual(sam, alex);
        // The spec's left-most bit is index 0: the most significant bit of byte 0.
        Assert.True((bits[sam / 8] & (0x80 >> (sam % 8))) != 0, "the revoked credential's bit is set");
        Assert.True((bits[alex / 8] & (0x80 >> (alex % 8))) == 0, "the valid credential's bit is clear");
        Assert.Equal(1, bits.Sum(b => BitCount(b)));
    }

    private static int BitCount(byte b) => System.Numerics.BitOperations.PopCount(b);

    /// <summary>The credential's credentialStatus, checked field by field; returns its index.</summary>
    private static int Index(TestSite site, string person)
    {
        var credential = Json(site, $"people/{person}/credentials/code-review.json");
        var status = credential.GetProperty("credentialStatus");
        var list = "https://example.org/issuers/academy/status/revocation.json";
        Assert.Equal("BitstringStatusListEntry", status.GetProperty("type").GetString());
        Assert.Equal("revocation", status.GetProperty("statusPurpose").GetString());
        Assert.Equal(list, status.GetProperty("statusListCredential").GetString());
        Assert.Equal(JsonValueKind.String, status.GetProperty("statusListIndex").ValueKind);
        var index = int.Parse(status.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{list}#{index}", status.GetProperty("id").GetString());
        return index;
    }

    [Fact]
    public void Index_IsTheSha256OfTheCredentialIdModuloTheListLength_WhoeverElseHoldsCredentials()
    {
        using var alone = TestSite.Build(Person("sam")).AssertOk();
        using var crowded = TestSite.Build(Person("sam") + Person("alex") + Person("kim") + Person("lee", "stakeholder-management")).AssertOk();

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("https://example.org/people/sam/credentials/code-review.json"));
        var expected = (int)(new System.Numerics.BigInteger(hash, isUnsigned: true, isBigEndian: true) % 131072);
        Assert.Equal(expected, Index(alone, "sam"));
        Assert.Equal(expected, Index(crowded, "sam"));
        Assert.Equal(RevocationLists.Start("https://example.org/people/sam/credentials/code-review.json", 131072), expected);
    }

    [Fact]
    public void StatusList_IsByteForByteTheSameOnEveryBuild()
    {
        using var a = TestSite.Build(Person("sam", revoked: "{ date: 2026-06-01, reason: Withdrawn. }")).AssertOk();
        using var b = TestSite.Build(Person("sam", revoked: "{ date: 2026-06-01, reason: Withdrawn. }")).AssertOk();
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Output, "issuers/academy/status/revocation.json")),
            File.ReadAllBytes(Path.Combine(b.Output, "issuers/academy/status/revocation.json")));
    }

    [Fact]
    public void Gzip_HasAFixedHeader_NoTimestampAndNoPlatformByte()
    {
        var bytes = Bitstring.Gzip(new byte[16384]);
        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255 }, bytes[..10]);
        Assert.Equal(new byte[16384], Bitstring.Decode(Bitstring.Encode(new byte[16384])));
    }

    [Theory]
    [InlineData(0, 0, 0x80)]
    [InlineData(7, 0, 0x01)]
    [InlineData(8, 1, 0x80)]
    [InlineData(131071, 16383, 0x01)]
    public void Bit_ZeroIsTheLeftMostBitOfTheFirstByte(int index, int expectedByte, int expectedMask)
    {
        var bits = new byte[16384];
        Bitstring.Set(bits, index);
        Assert.Equal(expectedMask, bits[expectedByte]);
        Assert.True(Bitstring.Get(bits, index));
        Assert.Equal(1, bits.Count(b => b != 0));
    }

    [Fact]
    public void RevokedBadge_IsShownRevokedWithItsReasonEscaped_AndNeverValidOrCounted()
    {
        using var site = TestSite.Build(Person("sam", revoked: "{ date: 2026-06-01, reason: \"Copied <b>work</b> & more\" }")).AssertOk();

        site.AssertFile("people/sam/index.html",
            "Revoked on 1 June 2026: Copied &lt;b&gt;work&lt;/b&gt; &amp; more", "state-revoked", "Not yet ready",
            "! <b>work</b>", "! valid until");
        site.AssertFile("people/index.html", "0 badges");
        site.AssertFile("badges/code-review/index.html", "No published portfolio shows this badge yet");
    }

    [Fact]
    public void RevokedBadge_StillHasItsCredential_ValidUntilFromTheRenewalPolicy()
    {
        using var site = TestSite.Build(Person("sam", revoked: "{ date: 2026-06-01, reason: Withdrawn. }")
            + Person("kim", "stakeholder-management")).AssertOk();

        var revoked = Json(site, "people/sam/credentials/code-review.json");
        Assert.Equal("2028-03-10T00:00:00Z", revoked.GetProperty("validUntil").GetString()); // code-review: renewal.validFor P2Y
        var lasting = Json(site, "people/kim/credentials/stakeholder-management.json");
        Assert.False(lasting.TryGetProperty("validUntil", out _), "a badge without a renewal policy never expires");
    }

    [Fact]
    public void RevocationDate_AfterAsOf_IsAnError()
    {
        using var site = TestSite.Build(Person("sam", revoked: "{ date: 2026-12-01, reason: Withdrawn. }"));
        var d = site.AssertDiagnostic("input/portfolios/sam/portfolio.yml:7:22: error CS0015");
        Assert.Contains("after the assessment date 2026-11-01", d.Message);
    }

    [Fact]
    public void RevocationDate_BeforeIssued_IsAnError_AndReasonIsRequired()
    {
        using var site = TestSite.Build(Person("sam", revoked: "{ date: 2026-01-01, reason: Withdrawn. }") + Person("kim", revoked: "{ date: 2026-06-01 }"));
        site.AssertDiagnostics(
            "input/portfolios/kim/portfolio.yml:7:14: error CS0003",
            "input/portfolios/sam/portfolio.yml:7:22: error CS0015");
    }

    [Fact]
    public void NoPublishedCredential_NoStatusList()
    {
        using var site = TestSite.Build().AssertOk();
        Assert.False(site.FileExists("issuers/academy/status/revocation.json"));
    }
}
