// Fictional people. Surnames follow their rough frequency in central China;
// given names are common ones, minus those that would rebuild the names of the
// real residents, staff and reporters quoted in the source articles.
import type { Rng } from './prng';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '沈',
  '姚',
  '卢',
  '姜',
  '崔',
  '钟',
  '谭',
  '陆',
  '汪',
  '范',
  '金',
  '石',
  '廖',
  '贾',
  '夏',
  '付',
  '方',
  '邹',
  '熊',
  '秦',
  '江',
  '雷',
  '万',
  '严',
  '龚',
  '向',
  '汤',
  '聂',
  '喻',
  '詹',
] as const;

// Heavier weight on the first surnames, as in the population.
const SURNAME_WEIGHT_SPLIT = 20;

const GIVEN_OLDER = [
  '建国',
  '国华',
  '桂英',
  '秀英',
  '淑珍',
  '玉兰',
  '德明',
  '志强',
  '永红',
  '凤英',
  '春生',
  '宝山',
  '文华',
  '金凤',
  '红梅',
  '长林',
  '伟民',
  '素芳',
  '爱华',
  '振华',
  '明德',
  '秀兰',
  '家福',
  '桂芳',
  '玉珍',
  '国庆',
  '卫东',
  '红兵',
  '淑兰',
  '成林',
  '福生',
  '荣华',
  '德胜',
  '美玲',
  '兰英',
  '广才',
] as const;

const GIVEN_YOUNGER = [
  '伟',
  '芳',
  '敏',
  '杰',
  '磊',
  '洋',
  '勇',
  '艳',
  '军',
  '婷',
  '强',
  '丹',
  '超',
  '霞',
  '鹏',
  '辉',
  '浩然',
  '子涵',
  '欣怡',
  '宇航',
  '思远',
  '梓萱',
  '俊杰',
  '雨欣',
  '晨阳',
  '佳琪',
  '文博',
  '一鸣',
  '海峰',
  '晓燕',
  '志刚',
  '丽华',
  '春燕',
  '建华',
  '小军',
  '慧敏',
  '天宇',
  '梦琪',
  '昊天',
  '嘉怡',
] as const;

export function personName(rng: Rng, older = false): string {
  const surname = rng.chance(0.6)
    ? rng.pick(SURNAMES.slice(0, SURNAME_WEIGHT_SPLIT))
    : rng.pick(SURNAMES.slice(SURNAME_WEIGHT_SPLIT));
  return surname + rng.pick(older ? GIVEN_OLDER : GIVEN_YOUNGER);
}

const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '177',
  '180',
  '186',
  '187',
  '188',
  '189',
  '199',
] as const;

/** A mobile number of the right shape; fictional, drawn from the seed. */
export function mobileNumber(rng: Rng): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(rng.int(0, 9));
  return rng.pick(MOBILE_PREFIXES) + rest;
}

/** A fixed crew of distinct names (guards, grid workers, property staff). */
export function crew(rng: Rng, size: number): string[] {
  const names = new Set<string>();
  while (names.size < size) names.add(personName(rng));
  return [...names];
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** 1 → "一" … 10 → "十", for names like 第四综合网格. */
export function chineseOrdinal(n: number): string {
  const s = CHINESE_ORDINALS[n - 1];
  if (!s) throw new Error(`no Chinese ordinal for ${n}`);
  return s;
}
