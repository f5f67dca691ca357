using System.Runtime.InteropServices;
using System.Text;
using Prewarm.Core.IO;

namespace Prewarm.Tests.IO;

/// <summary>The up-to-date check of a replaced tree (thousands of skeleton files on a rerun): whatever
/// differs from the new content, in size, in one byte or in the set of files, is noticed and the tree
/// replaced; unchanged files keep their modification time; an unreadable directory is an error.</summary>
[TestFixture]
public sealed class DirectoryTreeTests
{
    private static readonly DateTime Old = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private TemporaryDirectory _root = null!;
    private string _tree = null!;

    [SetUp]
    public void SetUp()
    {
        _root = new TemporaryDirectory("prewarm-tree-");
        _tree = Path.Combine(_root.Path, "tree");
        DirectoryTree.Replace(_tree, Content()).ShouldBeTrue();
        foreach (var file in Directory.EnumerateFiles(_tree, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, Old);
        }
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    [Test]
    public void The_same_content_leaves_the_tree_untouched()
    {
        // An empty directory is no file of the tree: it survives only if the tree is not replaced.
        var marker = Directory.CreateDirectory(Path.Combine(_tree, "marker")).FullName;

        DirectoryTree.Replace(_tree, Content()).ShouldBeFalse();

        Directory.Exists(marker).ShouldBeTrue();
        Times().Values.ShouldAllBe(t => t == Old);
    }

    [Test]
    public void A_changed_size_is_noticed_and_only_that_file_gets_a_new_time()
    {
        var files = Content();
        files["a/Cargo.toml"] = Bytes("[package]\nname = \"a\"\nversion = \"0.0.1\"\n");

        DirectoryTree.Replace(_tree, files).ShouldBeTrue();

        File.ReadAllText(Path.Combine(_tree, "a/Cargo.toml")).ShouldEndWith("\"0.0.1\"\n");
        Times().Where(t => t.Key != "a/Cargo.toml").ShouldAllBe(t => t.Value == Old);
        Times()["a/Cargo.toml"].ShouldBeGreaterThan(Old);
    }

    [Test]
    public void A_changed_byte_with_the_same_size_is_noticed()
    {
        var files = Content();
        files["b/src/lib.rs"] = Bytes("fn mian() {}\n");
        files["b/src/lib.rs"].Length.ShouldBe(Content()["b/src/lib.rs"].Length);

        DirectoryTree.Replace(_tree, files).ShouldBeTrue();

        File.ReadAllText(Path.Combine(_tree, "b/src/lib.rs")).ShouldBe("fn mian() {}\n");
    }

    [Test]
    public void A_file_the_new_tree_lacks_is_removed()
    {
        File.WriteAllText(Path.Combine(_tree, "b/src/extra.rs"), "");

        DirectoryTree.Replace(_tree, Content()).ShouldBeTrue();

        DirectoryTree.List(_tree).ShouldBe(Content().Keys.Order(StringComparer.Ordinal));
    }

    [Test]
    public void A_missing_file_is_written_again()
    {
        File.Delete(Path.Combine(_tree, "b/src/lib.rs"));

        DirectoryTree.Replace(_tree, Content()).ShouldBeTrue();

        File.ReadAllText(Path.Combine(_tree, "b/src/lib.rs")).ShouldBe("fn main() {}\n");
        Times().Where(t => t.Key != "b/src/lib.rs").ShouldAllBe(t => t.Value == Old);
    }

    [Test]
    public void A_directory_or_a_dangling_link_where_a_file_belongs_is_replaced_by_the_file()
    {
        File.Delete(Path.Combine(_tree, "a/Cargo.toml"));
        Directory.CreateDirectory(Path.Combine(_tree, "a/Cargo.toml"));
        File.Delete(Path.Combine(_tree, "b/Cargo.toml"));
        File.CreateSymbolicLink(Path.Combine(_tree, "b/Cargo.toml"), Path.Combine(_root.Path, "nowhere"));

        DirectoryTree.Replace(_tree, Content()).ShouldBeTrue();

        File.ReadAllText(Path.Combine(_tree, "a/Cargo.toml")).ShouldStartWith("[package]");
        File.ReadAllText(Path.Combine(_tree, "b/Cargo.toml")).ShouldStartWith("[package]");
        DirectoryTree.Replace(_tree, Content()).ShouldBeFalse();
    }

    [Test]
    public void An_empty_file_compares_like_any_other()
    {
        var files = Content();
        files["a/src/lib.rs"] = Bytes("\n");

        DirectoryTree.Replace(_tree, files).ShouldBeTrue();
        DirectoryTree.Replace(_tree, files).ShouldBeFalse();
        DirectoryTree.Replace(_tree, Content()).ShouldBeTrue();

        File.ReadAllBytes(Path.Combine(_tree, "a/src/lib.rs")).ShouldBeEmpty();
    }

    [Test]
    public void A_directory_that_cannot_be_read_is_an_error_naming_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Linux permissions");
            return;
        }

        var denied = Path.Combine(_tree, "b/src");
        foreach (var directory in new[] { _root.Path, _tree, Path.Combine(_tree, "a"), Path.Combine(_tree, "a/src"), Path.Combine(_tree, "b") })
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }

        File.SetUnixFileMode(denied, UnixFileMode.None);
        try
        {
            var error = Should.Throw<UnauthorizedAccessException>(() => AsUnprivileged(() => DirectoryTree.Replace(_tree, Content())));
            error.Message.ShouldContain(denied);
        }
        finally
        {
            File.SetUnixFileMode(denied, (UnixFileMode)0b111_101_101);
        }

        File.ReadAllText(Path.Combine(denied, "lib.rs")).ShouldBe("fn main() {}\n");
    }

    private static Dictionary<string, byte[]> Content() => new(StringComparer.Ordinal)
    {
        ["a/Cargo.toml"] = Bytes("[package]\nname = \"a\"\nversion = \"0.0.0\"\n"),
        ["a/src/lib.rs"] = [],
        ["b/Cargo.toml"] = Bytes("[package]\nname = \"b\"\n"),
        ["b/src/lib.rs"] = Bytes("fn main() {}\n"),
    };

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private Dictionary<string, DateTime> Times() =>
        DirectoryTree.List(_tree).ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(_tree, f)));

    /// <summary>Permissions do not stop root: as root, this thread's file-system identity becomes
    /// nobody's for the call (setfsuid is per thread and drops the capability to bypass them).</summary>
    private static T AsUnprivileged<T>(Func<T> action)
    {
        if (Environment.UserName != "root")
        {
            return action();
        }

        SetFsUid(65534);
        try
        {
            return action();
        }
        finally
        {
            SetFsUid(0);
        }
    }

    [DllImport("libc", EntryPoint = "setfsuid")]
    private static extern int SetFsUid(uint uid);
}
