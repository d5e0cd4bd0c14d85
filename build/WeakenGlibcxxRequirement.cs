// MSBuild inline task (RoslynCodeTaskFactory): marks one symbol-version requirement of an ELF64 shared
// library as weak. It sticks to netstandard2.0 APIs because that is what the task factory compiles against.
public class WeakenGlibcxxRequirement : Microsoft.Build.Utilities.Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Microsoft.Build.Framework.Required]
    public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; }

    [Microsoft.Build.Framework.Required]
    public string Version { get; set; }

    public override bool Execute()
    {
        string loaded = LoadedLibstdcxx();
        if (loaded == null)
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "No libstdc++ is mapped into this process; nothing to check.");
            return true;
        }
        if (IndexOf(System.IO.File.ReadAllBytes(loaded), System.Text.Encoding.ASCII.GetBytes(Version + "\0"), 0) >= 0)
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, loaded + " provides " + Version + "; TorchSharp loads as shipped.");
            return true;
        }
        foreach (Microsoft.Build.Framework.ITaskItem item in Libraries)
        {
            string path = item.ItemSpec;
            try
            {
                byte[] bytes = System.IO.File.ReadAllBytes(path);
                if (MarkWeak(bytes, Version) == 0)
                {
                    continue;
                }
                // A new file replaces the output copy, so a hard link into the NuGet cache is never written through.
                string temp = path + ".weak.tmp";
                System.IO.File.WriteAllBytes(temp, bytes);
                System.IO.File.Delete(path);
                System.IO.File.Move(temp, path);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                    "GanRsSandbox: " + path + ": marked " + Version + " weak (" + loaded + " lacks it).");
            }
            catch (System.Exception e)
            {
                Log.LogError(path + ": cannot weaken " + Version + ": " + e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string LoadedLibstdcxx()
    {
        const string maps = "/proc/self/maps";
        if (!System.IO.File.Exists(maps))
        {
            return null;
        }
        foreach (string line in System.IO.File.ReadAllLines(maps))
        {
            int slash = line.IndexOf('/');
            if (slash >= 0 && line.IndexOf("libstdc++.so", slash, System.StringComparison.Ordinal) >= 0)
            {
                return line.Substring(slash).Trim();
            }
        }
        return null;
    }

    private static int IndexOf(byte[] hay, byte[] needle, int start)
    {
        for (int i = start; i <= hay.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && hay[i + j] == needle[j])
            {
                j++;
            }
            if (j == needle.Length)
            {
                return i;
            }
        }
        return -1;
    }

    private static ulong U64(byte[] b, long at) { return System.BitConverter.ToUInt64(b, checked((int)at)); }
    private static uint U32(byte[] b, long at) { return System.BitConverter.ToUInt32(b, checked((int)at)); }
    private static ushort U16(byte[] b, long at) { return System.BitConverter.ToUInt16(b, checked((int)at)); }

    /// <summary>Sets VER_FLG_WEAK on every vernaux entry named <paramref name="version"/>; returns how many changed.</summary>
    public static int MarkWeak(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new System.InvalidOperationException("not an ELF file");
        }
        if (elf[4] != 2 || elf[5] != 1 || !System.BitConverter.IsLittleEndian)
        {
            throw new System.InvalidOperationException("only little-endian ELF64 is supported");
        }
        long sectionHeaders = (long)U64(elf, 0x28);
        int entrySize = U16(elf, 0x3A);
        int count = U16(elf, 0x3C);
        int changed = 0;
        for (int s = 0; s < count; s++)
        {
            long header = sectionHeaders + (long)s * entrySize;
            if (U32(elf, header + 4) != ShtGnuVerneed)
            {
                continue;
            }
            long need = (long)U64(elf, header + 0x18);
            long link = U32(elf, header + 0x28);
            long needCount = U32(elf, header + 0x2C);
            long strtab = (long)U64(elf, sectionHeaders + link * entrySize + 0x18);
            for (long n = 0; n < needCount; n++)
            {
                int auxCount = U16(elf, need + 2);
                long aux = need + U32(elf, need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    long name = strtab + U32(elf, aux + 8);
                    int end = (int)name;
                    while (elf[end] != 0)
                    {
                        end++;
                    }
                    string entry = System.Text.Encoding.ASCII.GetString(elf, (int)name, end - (int)name);
                    ushort flags = U16(elf, aux + 4);
                    if (entry == version && (flags & VerFlagWeak) == 0)
                    {
                        byte[] patched = System.BitConverter.GetBytes((ushort)(flags | VerFlagWeak));
                        elf[aux + 4] = patched[0];
                        elf[aux + 5] = patched[1];
                        changed++;
                    }
                    aux += U32(elf, aux + 12);
                }
                need += U32(elf, need + 12);
            }
        }
        return changed;
    }
}
