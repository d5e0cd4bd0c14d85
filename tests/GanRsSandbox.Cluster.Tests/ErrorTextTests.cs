using GanRsSandbox.Shared;

namespace GanRsSandbox.Cluster.Tests;

public sealed class ErrorTextTests
{
    [Theory]
    [InlineData("/srv/ganrs/data/artifacts/ab12: cannot be read as a generator", "…/ab12: cannot be read as a generator")]
    [InlineData("Could not find file '/home/alice/data/artifacts/x.grsd'.", "Could not find file '…/x.grsd'.")]
    [InlineData("No space left on device : '/var/lib/ganrs/artifacts/.incoming-1'", "No space left on device : '…/.incoming-1'")]
    [InlineData("rating 6 at line 3 is outside 1..5", "rating 6 at line 3 is outside 1..5")]
    [InlineData("see http://127.0.0.1:5080/api/jobs/j-1 and 3/4 of the users", "see http://127.0.0.1:5080/api/jobs/j-1 and 3/4 of the users")]
    [InlineData("first line\n   at Some.Stack.Trace() in /src/file.cs:line 4", "first line")]
    public void Client_messages_keep_the_reason_and_lose_paths_and_traces(string message, string expected) =>
        Assert.Equal(expected, ErrorText.ForClient(message));
}
