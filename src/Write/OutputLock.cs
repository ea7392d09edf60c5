namespace CredentialSite.Write;

/// <summary>
/// One build at a time writes an output folder: an exclusive lock on the file <c>.&lt;name&gt;.lock</c> beside it,
/// held from before the first file is staged until the commit ends. The operating system releases it when the
/// process ends however it ends, so a killed build never leaves the folder locked. The file itself stays (deleting
/// it would let a third build lock a new file while a second still holds the old one).
/// </summary>
public static class OutputLock
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(100);

    /// <summary>The held lock (dispose to release), or null when another build held it for all of <paramref name="timeout"/>.</summary>
    public static FileStream? Take(string lockFile, TimeSpan timeout, CancellationToken cancel)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (IsHeld(e))
            {
                if (waited.Elapsed >= timeout) return null;
            }
            cancel.WaitHandle.WaitOne(Retry);
            cancel.ThrowIfCancellationRequested();
        }
    }

    // The file is locked by another handle: Windows' ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION; on Unix, .NET's
    // flock() failed with EWOULDBLOCK (11 on Linux, 35 on macOS and the BSDs), reported as the error number itself.
    private static bool IsHeld(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35);
}
