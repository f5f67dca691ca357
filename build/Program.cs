using Prewarm.Cake;
using Prewarm.Frosting;

ShortProcessGc.Start();
return new CakeHost()
    .UsePrewarm()
    .Run(args);
