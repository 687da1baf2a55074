// The sections of the app, in sidebar order.
export type Section =
  | 'organisation'
  | 'home'
  | 'register'
  | 'processor'
  | 'vendors'
  | 'reminders'
  | 'transfers'
  | 'clients'
  | 'measures'
  | 'reports'
  | 'history'
  | 'settings';
