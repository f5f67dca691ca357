using Cake.Frosting;
using Prewarm.Cake;

return new CakeHost()
    .UsePrewarm()
    .Run(args);
