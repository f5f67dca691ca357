using Prewarm.Core.Verification;

namespace Prewarm.Tests.Verification;

[TestFixture]
public sealed class CargoPackageIdTests
{
    [TestCase("registry+https://github.com/rust-lang/crates.io-index#log@0.4.17", "log", "0.4.17", "registry+https://github.com/rust-lang/crates.io-index", true)]
    [TestCase("path+file:///tmp/pw-fix/util#0.1.0", "util", "0.1.0", "path+file:///tmp/pw-fix/util", false)]
    [TestCase("path+file:///tmp/pw-fix#tiny@0.1.0", "tiny", "0.1.0", "path+file:///tmp/pw-fix", false)]
    [TestCase("log 0.4.17 (registry+https://github.com/rust-lang/crates.io-index)", "log", "0.4.17", "registry+https://github.com/rust-lang/crates.io-index", true)]
    [TestCase("tiny 0.1.0 (path+file:///tmp/pw-fix)", "tiny", "0.1.0", "path+file:///tmp/pw-fix", false)]
    [TestCase("git+https://github.com/example/widgets?branch=main#widget-core@0.2.0", "widget-core", "0.2.0", "git+https://github.com/example/widgets?branch=main", true)]
    [TestCase("git+https://github.com/example/widgets#0.2.0", "widgets", "0.2.0", "git+https://github.com/example/widgets", true)]
    [TestCase("sparse+https://index.crates.io/#serde@1.0.200", "serde", "1.0.200", "sparse+https://index.crates.io/", true)]
    public void Parses_old_and_new_package_id_forms(string text, string name, string version, string source, bool external)
    {
        var id = CargoPackageId.Parse(text);

        id.ShouldBe(new CargoPackageId(name, version, source));
        id.IsExternal.ShouldBe(external);
    }

    [TestCase("")]
    [TestCase("just-a-name")]
    [TestCase("registry+https://example#")]
    [TestCase("name (source)")]
    public void Rejects_text_that_is_no_package_id(string text)
    {
        CargoPackageId.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => CargoPackageId.Parse(text)).Message.ShouldContain(text);
    }
}
