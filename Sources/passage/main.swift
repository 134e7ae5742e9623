import PassageCommands

PassageCommand.main()
