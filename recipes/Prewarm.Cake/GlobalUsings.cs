// What every tool wrapper and most of the Cake layer names: the context, the log, the tool stack, Cake's
// paths and file system, the domain's exception and Docker model, and the docker tools.
// Path, File and Directory are System.IO's (Cake.Core.IO has types of those names): Cake's paths are
// FilePath and DirectoryPath here.
global using Cake.Core;
global using Cake.Core.Annotations;
global using Cake.Core.Diagnostics;
global using Cake.Core.IO;
global using Cake.Core.Tooling;
global using Prewarm.Cake.Tools.Docker;
global using Prewarm.Cake.Tools.Process;
global using Prewarm.Core;
global using Prewarm.Core.Docker;
global using Directory = System.IO.Directory;
global using File = System.IO.File;
global using Path = System.IO.Path;
