using Cake.Core.IO;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;
using Prewarm.Frosting;
using Prewarm.Frosting.Internal;
using Prewarm.Tests.Frosting.Samples;

namespace Prewarm.Tests.Frosting;

[TestFixture]
public sealed class CakeHostTests
{
    private Recorder _recorder = null!;
    private TestHost _host = null!;

    [SetUp]
    public void SetUp()
    {
        _recorder = new Recorder();
        _host = new TestHost();
        _host.Host
            .UseContext<SampleContext>()
            .ConfigureServices(s => s.AddSingleton(_recorder))
            .AddTask<FirstTask>()
            .AddTask<SecondTask>()
            .AddTask<OptionalTask>()
            .AddTask<LastTask>()
            .AddTask<FailingTask>()
            .AddTask<HandledTask>()
            .AddTask<ToleratedTask>()
            .AddTask<AfterToleratedTask>()
            .AddTask<ConfigTask>();
    }

    [Test]
    public void Runs_dependencies_first_in_graph_order()
    {
        _host.Run("--target", "Last").ShouldBe(0);

        _recorder.Events.ShouldBe(["First:plain", "Second", "Optional", "Last"]);
    }

    [Test]
    public void Passes_custom_arguments_to_the_typed_context()
    {
        _host.Run("--target=First", "--flavour=vanilla").ShouldBe(0);

        _recorder.Events.ShouldBe(["First:vanilla"]);
    }

    [Test]
    public void Skips_a_task_whose_criteria_is_false()
    {
        _host.Run("--target=Last", "--skip-optional").ShouldBe(0);

        _recorder.Events.ShouldNotContain("Optional");
        _recorder.Events.ShouldContain("Last");
    }

    [Test]
    public void A_skipped_task_gives_its_SkippedMessage()
    {
        _host.Host.AddTask<NotTodayTask>();

        _host.Run("--target=NotToday").ShouldNotBe(0);

        _host.Output.ShouldContain("skipped due to a criteria: not today");
        _recorder.Events.ShouldBeEmpty();
    }

    [Test]
    public void Exclusive_runs_only_the_target()
    {
        _host.Run("--target=Last", "--exclusive").ShouldBe(0);

        _recorder.Events.ShouldBe(["Last"]);
    }

    [Test]
    public void A_task_without_TaskName_is_named_after_its_whole_class_name()
    {
        _host.Host.AddTask<HookTask>();

        _host.Run("--target=HookTask").ShouldBe(0);
        _recorder.Events.ShouldBe(["Hook"]);

        _host.Run("--target=Hook").ShouldNotBe(0);
        _host.Output.ShouldContain("Unknown target 'Hook'");
    }

    [Test]
    public void A_reverse_dependency_runs_before_its_dependee()
    {
        _host.Host.AddTask<HookedTask>();

        _host.Run("--target=Second").ShouldBe(0);

        _recorder.Events.ShouldBe(["First:plain", "Hooked", "Second"]);
    }

    [Test]
    public void A_failing_task_fails_the_run_with_its_message_and_still_runs_finally()
    {
        _host.Run("--target=Failing").ShouldNotBe(0);

        _host.Output.ShouldContain("the widget is broken");
        _recorder.Events.ShouldBe(["Failing.Finally"]);
    }

    [Test]
    public void An_overridden_OnError_handles_the_failure()
    {
        _host.Run("--target=Handled").ShouldBe(0);

        _recorder.Events.ShouldBe(["OnError:handled failure"]);
    }

    [Test]
    public void ContinueOnError_lets_dependents_run()
    {
        _host.Run("--target=AfterTolerated").ShouldBe(0);

        _recorder.Events.ShouldBe(["AfterTolerated"]);
    }

    [Test]
    public void Lifetimes_wrap_the_run_and_each_task()
    {
        _host.Host.UseLifetime<SampleLifetime>().UseTaskLifetime<SampleTaskLifetime>();

        _host.Run("--target=Second").ShouldBe(0);

        _recorder.Events.ShouldBe(["Setup", "Before:First", "First:plain", "After:First", "Before:Second", "Second", "After:Second", "Teardown:True"]);
    }

    [Test]
    public void Every_lifetime_and_lifetime_half_added_runs_once_in_the_order_added()
    {
        _host.Host.UseLifetime<SampleLifetime>().UseLifetime<OtherLifetime>().UseLifetime<SampleLifetime>()
            .UseTeardown<OnlyTeardown>()
            .UseTaskLifetime<SampleTaskLifetime>().UseTaskSetup<OtherTaskSetup>();

        _host.Run("--target=First").ShouldBe(0);

        _recorder.Events.ShouldBe(["Setup", "Other.Setup", "Before:First", "Other.Before:First", "First:plain", "After:First", "Teardown:True", "Other.Teardown", "OnlyTeardown"]);
    }

    [Test]
    public void Teardown_sees_a_failed_run()
    {
        _host.Host.UseLifetime<SampleLifetime>();

        _host.Run("--target=Failing").ShouldNotBe(0);

        _recorder.Events.ShouldContain("Teardown:False");
    }

    [Test]
    public void Unknown_target_fails_and_lists_the_valid_ones()
    {
        _host.Run("--target=Nope").ShouldNotBe(0);

        _host.Output.ShouldContain("Unknown target 'Nope'");
        _host.Output.ShouldContain("Valid targets: AfterTolerated, Config, Failing, First, Handled, Last, Optional, Second, Tolerated.");
        _recorder.Events.ShouldBeEmpty();
    }

    [Test]
    public void Dry_run_lists_the_order_without_running()
    {
        _host.Run("--target=Last", "--dryrun").ShouldBe(0);

        _recorder.Events.ShouldBeEmpty();
        var output = _host.Output;
        output.IndexOf("1. First", StringComparison.Ordinal).ShouldBeGreaterThanOrEqualTo(0);
        output.IndexOf("First", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("Second", StringComparison.Ordinal));
        output.ShouldContain("4. Last");
    }

    [Test]
    public void Tree_shows_the_dependency_graph()
    {
        _host.Run("--tree").ShouldBe(0);

        _recorder.Events.ShouldBeEmpty();
        _host.Output.ShouldContain("Last");
        _host.Output.ShouldContain("└─Optional");
    }

    [Test]
    public void Description_lists_tasks_with_their_description()
    {
        _host.Run("--description").ShouldBe(0);

        _host.Output.ShouldContain("The first one.");
    }

    [Test]
    public void Settings_arguments_reach_the_configuration_and_working_sets_the_directory()
    {
        var directory = Directory.CreateTempSubdirectory("prewarm-working-");
        try
        {
            _host.Run("--target=Config", "--settings_colour=teal", $"--working={directory.FullName}").ShouldBe(0);

            _recorder.Events.ShouldBe([$"Config:teal|{directory.Name}"]);
        }
        finally
        {
            directory.Delete();
        }
    }

    [Test]
    public void UseCakeSetting_sets_a_configuration_value_the_command_line_overrides()
    {
        _host.Host.UseCakeSetting("Settings_Colour", "grey").UseWorkingDirectory(RepositoryLayout.Root);

        _host.Run("--target=Config").ShouldBe(0);
        _host.Run("--target=Config", "--settings_colour=teal").ShouldBe(0);

        var root = new DirectoryInfo(RepositoryLayout.Root).Name;
        _recorder.Events.ShouldBe([$"Config:grey|{root}", $"Config:teal|{root}"]);
    }

    [Test]
    public void Tree_description_and_dry_run_install_no_signal_handler()
    {
        foreach (var mode in new[] { "--tree", "--description", "--dryrun" })
        {
            _host.Run("--target=Last", mode).ShouldBe(0);

            _recorder.ProcessRunner.ShouldBeOfType<SignalAwareProcessRunner>().HandlesSignals.ShouldBeFalse(mode);
        }
    }

    [Test]
    public void The_process_runner_installs_its_signal_handlers_when_the_first_tool_starts()
    {
        using var runner = new SignalAwareProcessRunner(new RecordingProcessRunner());
        runner.HandlesSignals.ShouldBeFalse();

        runner.Start(new FilePath("cargo"), new ProcessSettings()).WaitForExit();

        runner.HandlesSignals.ShouldBeTrue();
    }

    [Test]
    public void A_missing_working_directory_is_an_error()
    {
        _host.Run("--target=First", "--working=/no/such/dir").ShouldNotBe(0);

        _host.Output.ShouldContain("/no/such/dir");
        _recorder.Events.ShouldBeEmpty();
    }

    [Test]
    public void A_dependency_on_a_non_task_is_reported()
    {
        _host.Host.AddTask<BrokenDependencyTask>();

        _host.Run("--target=First").ShouldNotBe(0);

        _host.Output.ShouldContain("which is not a task");
    }

    [Test]
    public void Discovers_tasks_from_an_added_assembly()
    {
        var host = new TestHost();
        host.Host.AddAssembly(typeof(Prewarm.Cake.PrewarmContext).Assembly).UseContext<Prewarm.Cake.PrewarmContext>();

        host.Run("--description").ShouldBe(0);

        foreach (var task in new[] { "Scan", "Recipe", "Dockerfile", "Image", "Verify", "Warmup", "Clean", "Default" })
        {
            host.Output.ShouldContain(task);
        }
    }
}
