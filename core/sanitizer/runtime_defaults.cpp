// Defaults for the sanitizer runtimes of the PATROL_SANITIZE build, compiled into each of our
// executables so that a test, a script and a developer's own run behave alike. Options given in
// ASAN_OPTIONS or LSAN_OPTIONS still override them.

extern "C" {

// handle_segv=0, handle_sigbus=0: patrol's own handlers must see these signals as in a normal
// build. A plugin that crashes in process is named and the signal re-raised; a dataset file that
// shrinks under a read becomes a clear error, and any other SIGBUS still kills the process. Tests
// assert all three. Memory errors are still caught where they happen, by the instrumentation.
__attribute__((visibility("default"))) const char* __asan_default_options() {
    return "handle_segv=0:handle_sigbus=0";
}

// use_tls=0: the leak checker of GCC 12's runtime walks each thread's dynamic TLS at exit. A
// plugin that was unloaded leaves a stale entry there (the SDK's thread_local error text), and the
// walk then crashes ("Tracer caught signal 11") or not, depending on the heap's layout. Leaks are
// still found from stacks, globals and registers. The TLS blocks themselves are then covered by
// the runtime's built-in suppression, whose summary (print_suppressions) would otherwise end the
// stderr of every such run, which tests compare byte for byte.
__attribute__((visibility("default"))) const char* __lsan_default_options() {
    return "use_tls=0:print_suppressions=0";
}

// Without the TLS walk, the dynamic loader's list of a dlopen'd library's dependencies (libcrypto,
// loaded once and never closed by core/digest) is no longer seen as reachable: with use_tls=1 the
// same run reports nothing. The suppression names only that loader function.
__attribute__((visibility("default"))) const char* __lsan_default_suppressions() {
    return "leak:_dl_map_object_deps\n";
}

}
