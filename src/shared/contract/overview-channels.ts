import { z } from 'zod';
import { channel } from './define';
import { Overview } from './model';

export const overviewChannels = {
  'overview:get': channel(z.object({}), Overview, 'Counts of items by stage and state.'),
};
