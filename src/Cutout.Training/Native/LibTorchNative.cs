using System.Runtime.InteropServices;

namespace Cutout.Training.Native;

/// <summary>
/// Entry points of libtorch's C++ API that TorchSharp does not wrap, called by their Itanium-ABI names.
/// A function returning std::string takes the address of the result as a hidden first argument.
/// </summary>
internal static partial class LibTorchNative
{
    const string Library = "libtorch_cpu";

    [LibraryImport(Library, EntryPoint = "_ZN2at11show_configB5cxx11Ev")]
    private static partial IntPtr ShowConfig(IntPtr result);

    [LibraryImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static partial IntPtr GlobalContext();

    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static partial void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [LibraryImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool UserEnabledMkldnn(IntPtr context);

    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static partial void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [LibraryImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool UserEnabledNnpack(IntPtr context);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr memory);

    /// <summary>libtorch's build configuration as <c>torch.__config__.show()</c> prints it.</summary>
    public static string BuildConfig()
    {
        // libstdc++'s std::string: pointer, length, then 16 bytes of in-place buffer (or the capacity).
        var result = Marshal.AllocHGlobal(32);
        try
        {
            ShowConfig(result);
            var text = Marshal.ReadIntPtr(result);
            var length = (int)Marshal.ReadInt64(result, 8);
            var value = Marshal.PtrToStringUTF8(text, length);
            if (text != result + 16) Free(text);
            return value;
        }
        finally { Marshal.FreeHGlobal(result); }
    }

    /// <summary>Whether convolutions and other kernels may use oneDNN (MKL-DNN); on by default.</summary>
    public static bool OneDnnEnabled
    {
        get => UserEnabledMkldnn(GlobalContext());
        set => SetUserEnabledMkldnn(GlobalContext(), value);
    }

    /// <summary>Whether convolutions may use NNPACK; on by default.</summary>
    public static bool NnpackEnabled
    {
        get => UserEnabledNnpack(GlobalContext());
        set => SetUserEnabledNnpack(GlobalContext(), value);
    }
}
