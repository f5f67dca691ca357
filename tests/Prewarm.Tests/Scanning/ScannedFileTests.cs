using System.Security.Cryptography;
using System.Text;
using Prewarm.Core.Scanning;

namespace Prewarm.Tests.Scanning;

[TestFixture]
public sealed class ScannedFileTests
{
    [TestCase("[package]\nname = \"a\"\n")]
    [TestCase("")]
    [TestCase("name = \"caf\u00e9 \u2603 \U0001F980\"\n")]
    [TestCase("lone \ud800 surrogate")]
    public void The_hash_is_the_SHA256_of_the_UTF8_text_with_LF_line_endings(string text)
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        ScannedFile.HashOfText(text).ShouldBe(expected);
        ScannedFile.HashOfText(text.Replace("\n", "\r\n", StringComparison.Ordinal)).ShouldBe(expected);
    }

    [Test]
    public void A_text_larger_than_a_pooled_buffer_hashes_whole()
    {
        var text = string.Concat(Enumerable.Repeat("[[package]]\nname = \"x\"\n", 20_000));

        ScannedFile.HashOfText(text).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }
}
