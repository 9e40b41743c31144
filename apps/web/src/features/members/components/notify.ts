import { notifications } from '@mantine/notifications';

/** A row action that failed: the API's reason, as a notification. */
export const failed = (error: Error) => notifications.show({ color: 'red', title: 'Not done', message: error.message });
/** A row action that worked: what changed. */
export const done = (title: string, message: string) => notifications.show({ color: 'teal', title, message });
