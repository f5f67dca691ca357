// What every tool wrapper and most of the Cake layer names: the context, the log, the tool stack.
// Cake.Core.IO stays per file: its Path, File and Directory would shadow System.IO's.
global using Cake.Core;
global using Cake.Core.Annotations;
global using Cake.Core.Diagnostics;
global using Cake.Core.Tooling;
global using Prewarm.Cake.Tools.Process;
