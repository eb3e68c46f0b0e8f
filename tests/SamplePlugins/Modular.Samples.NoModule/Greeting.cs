namespace Modular.Samples.NoModule;

/// <summary>A plugin assembly that forgot its module: the host must report it as failed, not skip it in silence.</summary>
public static class Greeting
{
    public static string Text => "没有模块";
}
