using Prewarm.Cake;
using Prewarm.Cake.Support;
using Prewarm.Frosting;

ShortProcessGc.Start();
return new CakeHost()
    .UsePrewarm()
    .Run(args);
