// Placeholder: the Electron shell is being written (see src/main/shell).
export {};
