using System.Diagnostics;
using Xunit;

namespace Cutout.Tests;

public class TestTempTests
{
    [Fact]
    public void Sweep_deletes_the_roots_of_ended_processes_and_keeps_live_ones_and_other_folders()
    {
        var temp = TestTemp.Folder("sweep-");
        string Make(string name)
        {
            var folder = Directory.CreateDirectory(Path.Combine(temp, name)).FullName;
            File.WriteAllBytes(Path.Combine(folder, "left-behind.bin"), new byte[1024]);
            return folder;
        }
        var ended = Make($"cutout-tests-{EndedProcessId()}-a1b2c3");
        var live = Make($"cutout-tests-{Environment.ProcessId}-d4e5f6");
        var withoutId = Make("cutout-tests-g7h8i9");
        var unrelated = Make("cutout-test-results-j0k1l2");

        var removed = TestTemp.RemoveRootsOfEndedProcesses(temp);

        Assert.Equal(2, removed);
        Assert.False(Directory.Exists(ended));
        Assert.False(Directory.Exists(withoutId));
        Assert.True(File.Exists(Path.Combine(live, "left-behind.bin")));
        Assert.True(Directory.Exists(unrelated));
    }

    [Fact]
    public void A_temp_folder_and_what_it_holds_are_gone_once_the_test_is_done_with_it()
    {
        string path;
        using (var folder = new TempFolder("scoped-"))
        {
            path = folder;
            Directory.CreateDirectory(Path.Combine(folder, "run", "checkpoint"));
            File.WriteAllBytes(Path.Combine(folder, "run", "checkpoint", "model.bin"), new byte[1024]);
            Assert.StartsWith(Path.GetTempPath(), path);
        }
        Assert.False(Directory.Exists(path));
    }

    static int EndedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
