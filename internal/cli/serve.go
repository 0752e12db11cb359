package cli

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/ceas-eu/ceas/internal/app"
	"github.com/ceas-eu/ceas/internal/config"
	"github.com/ceas-eu/ceas/internal/platform/observe"
)

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "serve", "[flags]")
	cfg := config.Default()
	if err := cfg.Register(fs, env.Getenv, false); err != nil {
		return err
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	return serve(ctx, env, cfg, nil)
}

// serve runs the platform until ctx ends. onReady, when set, is called with the listening
// address once the server accepts connections (the demo prints it; tests dial it).
func serve(ctx context.Context, env *Env, cfg config.Config, onReady func(addr string)) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, "configuration:")
	cfg.Print(env.Stderr)
	log := observe.NewLogger(env.Stderr, cfg.LogLevel)
	start := time.Now()
	a, err := app.New(ctx, cfg, log, app.Options{Version: Version})
	if err != nil {
		return err
	}
	defer a.Close()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	srv := &http.Server{Handler: a.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 5 * time.Minute,
		WriteTimeout: 10 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	if cfg.TLS() {
		tc, err := tlsConfig(cfg)
		if err != nil {
			return err
		}
		srv.TLSConfig = tc
	}
	var wg sync.WaitGroup
	workers, stopWorkers := context.WithCancel(ctx)
	defer stopWorkers()
	if !cfg.NoWorkers {
		wg.Add(1)
		go func() { defer wg.Done(); a.RunWorkers(workers) }()
	}
	errc := make(chan error, 1)
	go func() {
		if cfg.TLS() {
			errc <- srv.ServeTLS(ln, cfg.TLSCert, cfg.TLSKey)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	log.Info("serving", "addr", ln.Addr().String(), "tls", cfg.TLS(), "startup_ms", time.Since(start).Milliseconds())
	if onReady != nil {
		onReady(ln.Addr().String())
	}
	select {
	case err := <-errc:
		stopWorkers()
		wg.Wait()
		return fmt.Errorf("server stopped: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdown)
	stopWorkers()
	wg.Wait()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// tlsConfig requires TLS 1.2 or later and, with a client CA, verifies client certificates
// when they are offered (browsers log in with passwords; national systems present one).
func tlsConfig(cfg config.Config) (*tls.Config, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.ClientCA != "" {
		pem, err := os.ReadFile(cfg.ClientCA)
		if err != nil {
			return nil, fmt.Errorf("client-ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("client-ca: no certificates in %s", cfg.ClientCA)
		}
		tc.ClientCAs = pool
		tc.ClientAuth = tls.VerifyClientCertIfGiven
	}
	return tc, nil
}
