/** The package version, used to tell a second registration of the same widgets from a conflicting one. */
export const VERSION = '0.1.0';
