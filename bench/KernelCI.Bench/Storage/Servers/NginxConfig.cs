namespace KernelCI.Bench.Storage.Servers;

/// <summary>A minimal static-file nginx tuned as a file server usually is: sendfile, no access log, long keep-alive.</summary>
internal static class NginxConfig
{
    // /put/ takes WebDAV PUTs into the prefix folder: how fast this machine lands an upload on the same disk, for reference.
    public static string Render(string prefix, string root, int port, bool asRoot) => $$"""
        daemon off;
        master_process on;
        worker_processes auto;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log warn;
        {{(asRoot ? "user root root;" : string.Empty)}}
        events { worker_connections 1024; }
        http {
            default_type application/octet-stream;
            access_log off;
            sendfile on;
            tcp_nopush on;
            keepalive_requests 1000000;
            client_body_temp_path {{prefix}}/client_body;
            proxy_temp_path {{prefix}}/proxy;
            fastcgi_temp_path {{prefix}}/fastcgi;
            uwsgi_temp_path {{prefix}}/uwsgi;
            scgi_temp_path {{prefix}}/scgi;
            server {
                listen 127.0.0.1:{{port}};
                root {{root}};
                location / { }
                location /put/ {
                    root {{prefix}};
                    dav_methods PUT;
                    create_full_put_path on;
                    client_max_body_size 0;
                    client_body_buffer_size 1m;
                }
            }
        }
        """;
}
