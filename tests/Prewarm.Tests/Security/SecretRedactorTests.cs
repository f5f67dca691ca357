using System.Collections;
using Prewarm.Core.Security;

namespace Prewarm.Tests.Security;

[TestFixture]
public sealed class SecretRedactorTests
{
    [TestCase("CARGO_REGISTRIES_MY_REG_TOKEN", true)]
    [TestCase("CARGO_REGISTRY_TOKEN", true)]
    [TestCase("DOCKER_PASSWORD", true)]
    [TestCase("GITHUB_TOKEN", true)]
    [TestCase("CI_REGISTRY_PASSWORD", true)]
    [TestCase("AWS_SECRET_ACCESS_KEY", true)]
    [TestCase("NPM_AUTH", true)]
    [TestCase("PATH", false)]
    [TestCase("TOKENIZER_THREADS", false)]
    [TestCase("CARGO_HOME", false)]
    public void Recognises_credential_variable_names(string name, bool secret) =>
        SecretRedactor.IsSecretName(name).ShouldBe(secret);

    [Test]
    public void Masks_secret_values_from_the_environment_and_nothing_else()
    {
        var redactor = SecretRedactor.FromVariables(new Hashtable
        {
            ["CARGO_REGISTRIES_CORP_TOKEN"] = "cio_abc123secret",
            ["HOME"] = "/root",
        });

        redactor.Redact("auth cio_abc123secret for /root").ShouldBe("auth *** for /root");
    }

    [Test]
    public void Masks_the_longest_secret_whole()
    {
        var redactor = new SecretRedactor();
        redactor.Add("abcd");
        redactor.Add("abcd-efgh");

        redactor.Redact("x abcd-efgh y abcd").ShouldBe("x *** y ***");
    }

    [Test]
    public void Ignores_values_too_short_to_mask_safely()
    {
        var redactor = new SecretRedactor();
        redactor.Add("1");

        redactor.Redact("build 1 of 10").ShouldBe("build 1 of 10");
    }
}
