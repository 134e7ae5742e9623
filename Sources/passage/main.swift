import PassageCommands

ProcessHardening.disableCoreDumps()
PassageCommand.main()
