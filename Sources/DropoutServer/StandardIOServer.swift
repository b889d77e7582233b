import CTerminal
import Foundation

extension Server {
    /// Serves standard input and output: SIGINT sets the flag long work polls (the shell's own
    /// handler, so `step` and `compare` stop where Ctrl-C stops them), and a read it breaks is
    /// retried, an interrupt between requests being dropped with the next request.
    public static func serveStandardIO() {
        cterm_install_interrupt_handler()
        let server = Server(
            write: { line in
                fputs(line + "\n", cterm_stdout())
                fflush(cterm_stdout())
            },
            interruptPending: { cterm_interrupt_pending() != 0 },
            clearInterrupt: { _ = cterm_take_interrupt() })
        server.serve { buffer in
            while true {
                let got = Glibc.read(STDIN_FILENO, buffer.baseAddress, buffer.count)
                if got >= 0 { return got }
                if errno != EINTR { return 0 }
            }
        }
    }
}
