namespace LlmErs.Redis.Tests;

/// <summary>A fact that needs a Redis server and is skipped, saying why, when <see cref="RedisServer.Address"/> is not set.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Address is null)
        {
            Skip = $"{RedisServer.Variable} is not set: start redis-server (apt-get install redis-server) and set {RedisServer.Variable}=127.0.0.1:PORT to run the Redis tests; .ci/run does both.";
        }
    }
}
