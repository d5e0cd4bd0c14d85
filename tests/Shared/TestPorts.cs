using System.Net;
using System.Net.Sockets;

namespace GanRsSandbox.Tests.Shared;

/// <summary>
/// Hands out loopback ports that no other test process on the machine is handed. Probing port 0 and releasing it
/// races: the kernel gives the same ephemeral port to the next outgoing connection of any process (a browser, a
/// silo, the storage emulator) before the test binds it. So each test process locks one block of ports below the
/// kernel's ephemeral range (32768 and up on Linux) with an exclusive file lock, which the kernel releases when the
/// process dies, and hands the block's ports out one by one, skipping any that something outside the tests holds.
/// </summary>
public static class TestPorts
{
    private const int FirstPort = 20_000;
    private const int BlockSize = 200;
    private const int Blocks = 60;

    private static readonly object Gate = new();
    private static FileStream? _blockLock;
    private static int _block = -1;
    private static int _next;

    public static int Next()
    {
        lock (Gate)
        {
            if (_blockLock is null)
            {
                LockABlock();
            }
            while (_next < BlockSize)
            {
                var port = FirstPort + (_block * BlockSize) + _next++;
                if (IsFree(port))
                {
                    return port;
                }
            }
            throw new InvalidOperationException($"Test port block {_block} is used up ({BlockSize} ports).");
        }
    }

    private static void LockABlock()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ganrs-test-ports");
        Directory.CreateDirectory(folder);
        var start = Environment.ProcessId % Blocks;
        for (var i = 0; i < Blocks; i++)
        {
            var block = (start + i) % Blocks;
            try
            {
                _blockLock = new FileStream(
                    Path.Combine(folder, $"block-{block}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                _block = block;
                return;
            }
            catch (IOException)
            {
                // Another test process holds this block.
            }
        }
        throw new InvalidOperationException($"All {Blocks} test port blocks are held by other test processes.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
