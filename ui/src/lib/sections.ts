// The sections of the app, in sidebar order.
export type Section = 'register' | 'vendors' | 'transfers' | 'measures' | 'reports' | 'history' | 'settings';
