fn main() -> std::process::ExitCode {
    awxm::main()
}
